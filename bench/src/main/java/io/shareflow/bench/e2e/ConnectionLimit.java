package io.shareflow.bench.e2e;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * At most {@code limit} requests in flight, the rest queued in order, as a load generator with a fixed set of
 * connections (wrk2) does. Java's HTTP/1.1 client opens a new connection for every request that finds none idle, so
 * an open-loop load on a slow server would otherwise open thousands, until connects time out in the server's accept
 * queue: the benchmark would measure a connection storm. A queued request's latency still counts from its scheduled
 * time, so the queue hides nothing.
 */
final class ConnectionLimit {

    private final Semaphore permits;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    ConnectionLimit(int limit) {
        this.permits = new Semaphore(limit);
    }

    /** Starts {@code request} when a connection is free; the answer completes the returned future. */
    <T> CompletableFuture<T> submit(Supplier<CompletableFuture<T>> request) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        waiting.add(() -> request.get().whenComplete((value, error) -> {
            permits.release();
            drain();
            if (error != null) {
                answer.completeExceptionally(error);
            } else {
                answer.complete(value);
            }
        }));
        drain();
        return answer;
    }

    private void drain() {
        while (!waiting.isEmpty() && permits.tryAcquire()) {
            Runnable next = waiting.poll();
            if (next == null) {
                permits.release();
                return;
            }
            next.run();
        }
    }
}
