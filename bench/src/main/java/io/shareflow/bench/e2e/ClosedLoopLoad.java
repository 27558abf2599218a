package io.shareflow.bench.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * {@code clients} threads, each sending its next request as soon as the last one is answered, for a duration: the
 * accept rate a given concurrency gets, and its latency from each request's start.
 */
final class ClosedLoopLoad {

    private ClosedLoopLoad() {
    }

    static LoadResult run(String name, Target target, int clients, Duration duration, LongSupplier sequences)
            throws InterruptedException {
        Latency latency = new Latency();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        DoubleAdder cpu = new DoubleAdder();
        double httpBefore = LoadGeneratorCpu.httpClientSeconds();
        Instant start = Instant.now();
        long origin = System.nanoTime();
        long end = origin + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                double before = LoadGeneratorCpu.currentThreadSeconds();
                try {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        int status = target.call(sequences.getAsLong());
                        latency.recordNanos(System.nanoTime() - sent);
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    cpu.add(LoadGeneratorCpu.currentThreadSeconds() - before);
                }
            }, "loadgen-client-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // Until the last answer: the requests still running at the end count, over the time they took.
        long elapsed = System.nanoTime() - origin;
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.sum()));
        return new LoadResult(name, Double.NaN, clients, counts, latency, start, start.plusNanos(elapsed),
                Duration.ofNanos(elapsed), Duration.ofNanos(elapsed), cpu.sum() + LoadGeneratorCpu.httpClientSeconds() - httpBefore);
    }
}
