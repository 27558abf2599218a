package io.shareflow.bench.smtp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * An open-loop HTTP load: {@code POST}s sent on a fixed schedule ({@code rate} a second) whatever the answers do,
 * each latency counted from its scheduled time, not from when it was actually sent (no coordinated omission), into an
 * HdrHistogram (1 µs to 1 h, 3 digits).
 */
final class OpenLoop {

    /**
     * @param latency  202s only, from the scheduled time to the answer, in microseconds
     * @param accepted answers 202
     * @param failed   other answers and exceptions
     */
    record Outcome(Histogram latency, long accepted, long failed) {

        double p50Millis() {
            return latency.getValueAtPercentile(50) / 1000.0;
        }

        double p99Millis() {
            return latency.getValueAtPercentile(99) / 1000.0;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d accepted, %d failed)",
                    p50Millis(), p99Millis(), latency.getMaxValue() / 1000.0, accepted, failed);
        }
    }

    private OpenLoop() {
    }

    /** Offers {@code rate} POSTs a second for {@code duration}; waits for every answer (30 s at most each). */
    static Outcome run(URI uri, int rate, Duration duration) {
        ExecutorService executor = SynchronousShareServer.threadPerRequest();
        HttpClient client = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"recipientEmail\":\"new@example.com\"}")).build();
        Histogram histogram = new Histogram(TimeUnit.HOURS.toMicros(1), 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long total = rate * duration.toSeconds();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
        List<CompletableFuture<Void>> answers = new ArrayList<>((int) total);
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait;
            while ((wait = scheduled - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                long micros = Math.max(1, (System.nanoTime() - scheduled) / 1000);
                if (error == null && response.statusCode() == 202) {
                    synchronized (histogram) {
                        histogram.recordValue(Math.min(micros, histogram.getHighestTrackableValue()));
                    }
                    accepted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
                return null;
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS).join();
        executor.shutdownNow();
        synchronized (histogram) {
            return new Outcome(histogram.copy(), accepted.get(), failed.get());
        }
    }
}
