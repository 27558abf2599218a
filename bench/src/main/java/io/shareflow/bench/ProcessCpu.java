package io.shareflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM (Kafka broker, producers and relay all run in it) and by the
 * PostgreSQL server processes, read from Linux's {@code /proc}. On two shared cores the sum of
 * both explains a throughput better than wall time alone; elsewhere it reads as unknown.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every mainstream Linux. */
    private static final long TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    private final long jvmTicks;
    /** Per PostgreSQL process, so that one that exits between two readings is not subtracted. */
    private final Map<Long, Long> postgresTicks;

    private ProcessCpu(long jvmTicks, Map<Long, Long> postgresTicks) {
        this.jvmTicks = jvmTicks;
        this.postgresTicks = postgresTicks;
    }

    static ProcessCpu now() {
        if (!Files.isReadable(PROC.resolve("self/stat"))) {
            return new ProcessCpu(-1, Map.of());
        }
        long self = ProcessHandle.current().pid();
        long jvm = 0;
        Map<Long, Long> postgres = new HashMap<>();
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
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == self) {
                    jvm = ticks;
                } else if (name.startsWith("postgres")) {
                    postgres.put(pid, ticks);
                }
            }
        } catch (IOException e) {
            return new ProcessCpu(-1, Map.of());
        }
        return new ProcessCpu(jvm, postgres);
    }

    /** CPU used by each PostgreSQL process between {@code earlier} and this reading, in milliseconds. */
    Map<Long, Long> postgresMillisByPid(ProcessCpu earlier) {
        Map<Long, Long> used = new HashMap<>();
        postgresTicks.forEach((pid, ticks) ->
                used.put(pid, (ticks - earlier.postgresTicks.getOrDefault(pid, 0L)) * 1000 / TICKS_PER_SECOND));
        return used;
    }

    /**
     * CPU used between {@code earlier} and this reading, in milliseconds: {@code [jvm, postgres]},
     * or {@code null} if unknown. A PostgreSQL process that exited in between is not counted.
     */
    long[] millisSince(ProcessCpu earlier) {
        if (jvmTicks < 0 || earlier.jvmTicks < 0) {
            return null;
        }
        long postgres = postgresMillisByPid(earlier).values().stream().mapToLong(Long::longValue).sum();
        return new long[] {(jvmTicks - earlier.jvmTicks) * 1000 / TICKS_PER_SECOND, postgres};
    }
}
