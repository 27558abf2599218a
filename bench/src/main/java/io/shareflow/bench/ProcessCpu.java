package io.shareflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM (Kafka broker, producers and relay all run in it) and by all
 * PostgreSQL server processes, read from Linux's {@code /proc}. On two shared cores the sum of
 * both explains a throughput better than wall time alone; elsewhere it reads as unknown.
 */
record ProcessCpu(long jvmMillis, long postgresMillis) {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every mainstream Linux. */
    private static final long TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    static boolean available() {
        return Files.isReadable(PROC.resolve("self/stat"));
    }

    static ProcessCpu now() {
        if (!available()) {
            return new ProcessCpu(-1, -1);
        }
        long self = ProcessHandle.current().pid();
        long jvm = 0;
        long postgres = 0;
        try (Stream<Path> processes = Files.list(PROC)) {
            for (Path process : (Iterable<Path>) processes.filter(p -> p.getFileName().toString().matches("\\d+"))::iterator) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"));
                } catch (IOException gone) {
                    continue; // the process ended while we listed them
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                // Fields after "(name) ": state is 0, utime 11, stime 12.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                if (Long.parseLong(process.getFileName().toString()) == self) {
                    jvm += ticks;
                } else if (name.startsWith("postgres")) {
                    postgres += ticks;
                }
            }
        } catch (IOException e) {
            return new ProcessCpu(-1, -1);
        }
        return new ProcessCpu(jvm * 1000 / TICKS_PER_SECOND, postgres * 1000 / TICKS_PER_SECOND);
    }

    /** CPU used between {@code earlier} and this reading; PostgreSQL backends that exited are lost. */
    ProcessCpu since(ProcessCpu earlier) {
        if (jvmMillis < 0 || earlier.jvmMillis < 0) {
            return new ProcessCpu(-1, -1);
        }
        return new ProcessCpu(jvmMillis - earlier.jvmMillis, Math.max(0, postgresMillis - earlier.postgresMillis));
    }
}
