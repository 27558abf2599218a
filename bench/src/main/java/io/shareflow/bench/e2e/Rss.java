package io.shareflow.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident set, VmRSS of Linux's {@code /proc/<pid>/status}. */
final class Rss {

    private Rss() {
    }

    /** Megabytes (MiB); -1 where it cannot be read. */
    static double megabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return parseKilobytes(line) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /** {@code "VmRSS:	  123456 kB"} → 123456. */
    static long parseKilobytes(String line) {
        String[] parts = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
        return Long.parseLong(parts[0]);
    }
}
