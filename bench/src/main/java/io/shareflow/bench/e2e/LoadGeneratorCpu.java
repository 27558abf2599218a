package io.shareflow.bench.e2e;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import io.shareflow.bench.profile.ProcStat;

/**
 * CPU of the load generator alone. The benchmark's JVM also runs the Kafka broker and the mail server, so the
 * process's CPU would not say whether the load generator starved the system: this counts the threads that only it
 * runs, read from Linux's {@code /proc/self/task} (the HTTP client's {@code loadgen-http-*} and
 * {@code HttpClient-*-SelectorManager} threads, which live on), and the scheduler's and closed-loop clients' own
 * thread CPU, which they add themselves before they end ({@link #currentThreadSeconds()}).
 */
final class LoadGeneratorCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LoadGeneratorCpu() {
    }

    /** CPU seconds used so far by the HTTP client's threads; 0 where /proc cannot be read. */
    static double httpClientSeconds() {
        // The kernel keeps 15 characters of a thread's name: "loadgen-http-1", "HttpClient-1-Se".
        long ticks = ProcStat.threadsOfThisProcess().stream()
                .filter(t -> t.name().startsWith("loadgen-http") || t.name().startsWith("HttpClient-"))
                .mapToLong(ProcStat::ticks).sum();
        return ticks / (double) ProcStat.TICKS_PER_SECOND;
    }

    /** The calling thread's CPU so far, in seconds. */
    static double currentThreadSeconds() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() / 1e9 : 0;
    }
}
