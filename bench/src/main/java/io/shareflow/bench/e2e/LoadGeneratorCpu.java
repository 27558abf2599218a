package io.shareflow.bench.e2e;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU of the load generator alone. The benchmark's JVM also runs the Kafka broker and the mail server, so the
 * process's CPU would not say whether the load generator starved the system: this counts the threads that only it
 * runs, read from Linux's {@code /proc/self/task} (the HTTP client's {@code loadgen-http-*} and
 * {@code HttpClient-*-SelectorManager} threads, which live on), and the scheduler's and closed-loop clients' own
 * thread CPU, which they add themselves before they end ({@link #currentThreadSeconds()}).
 */
final class LoadGeneratorCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long TICKS_PER_SECOND = 100;

    private LoadGeneratorCpu() {
    }

    /** CPU seconds used so far by the HTTP client's threads; 0 where /proc cannot be read. */
    static double httpClientSeconds() {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                // The kernel keeps 15 characters of a thread's name: "loadgen-http-1", "HttpClient-1-Se".
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("loadgen-http") || name.startsWith("HttpClient-")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks / (double) TICKS_PER_SECOND;
    }

    /** The calling thread's CPU so far, in seconds. */
    static double currentThreadSeconds() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() / 1e9 : 0;
    }
}
