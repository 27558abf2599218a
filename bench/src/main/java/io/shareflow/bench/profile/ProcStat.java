package io.shareflow.bench.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One line of Linux's {@code /proc/<pid>/stat}: the process's name, its parent and the CPU it used (user + system
 * ticks).
 */
public record ProcStat(long pid, String name, long parent, long ticks) {

    /** Clock ticks per second of {@code /proc/<pid>/stat}; 100 on every mainstream Linux. */
    public static final long TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    /**
     * Parses a stat line. The name is in parentheses and may itself hold spaces and parentheses, so the fields are
     * counted from the last closing one: after it come state (0), the parent's pid (1) ... utime (11) and stime (12).
     */
    public static ProcStat parse(long pid, String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        String name = line.substring(open + 1, close);
        String[] fields = line.substring(close + 2).trim().split(" ");
        return new ProcStat(pid, name, Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    }

    public static Optional<ProcStat> of(long pid) {
        return read(pid, PROC.resolve(pid + "/stat"));
    }

    /** Every process readable now; none off Linux. */
    public static List<ProcStat> all() {
        return list(PROC);
    }

    /** Every thread of this process now (the kernel keeps 15 characters of a thread's name); none off Linux. */
    public static List<ProcStat> threadsOfThisProcess() {
        return list(PROC.resolve("self/task"));
    }

    private static List<ProcStat> list(Path directory) {
        List<ProcStat> all = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
                    .forEach(n -> read(Long.parseLong(n), directory.resolve(n + "/stat")).ifPresent(all::add));
        } catch (IOException | RuntimeException noProc) {
            return List.of();
        }
        return all;
    }

    private static Optional<ProcStat> read(long pid, Path stat) {
        try {
            return Optional.of(parse(pid, Files.readString(stat)));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    public static double millis(long ticks) {
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }
}
