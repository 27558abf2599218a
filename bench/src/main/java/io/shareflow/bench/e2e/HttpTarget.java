package io.shareflow.bench.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * POSTs of one fixed share request (only the recipient address changes: a new one per share) over Java's
 * {@link HttpClient}, HTTP/1.1. The client's work runs on threads named {@code loadgen-…} so that
 * {@link LoadGeneratorCpu} can tell it apart from the broker and mail server sharing this JVM.
 */
final class HttpTarget implements Target {

    /** The body of every share: the README's example, fixed; the recipient is {@code <part>-<sequence>@bench.example}. */
    static final String BODY = "{\"recipientEmail\": \"%s\", \"message\": \"Here is the A320 log.\"}";
    private static final Duration TIMEOUT = Duration.ofSeconds(40);

    private static final AtomicInteger THREADS = new AtomicInteger();
    /**
     * Java 17 has no virtual threads (the project's release); the client is asynchronous instead, so a few threads
     * carry any number of requests in flight.
     */
    private static final ExecutorService EXECUTOR = Executors.newFixedThreadPool(4, r -> {
        Thread thread = new Thread(r, "loadgen-http-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(EXECUTOR)
            .build();

    /**
     * Connections per target: above what the services need at these rates (Tomcat's 200 threads share 10 database
     * connections), below where the server's accept queue overflows.
     */
    static final int CONNECTIONS = 128;

    private final LongFunction<HttpRequest> requests;
    private final ConnectionLimit connections = new ConnectionLimit(CONNECTIONS);

    private HttpTarget(LongFunction<HttpRequest> requests) {
        this.requests = requests;
    }

    /**
     * share-api's {@code POST /v1/shares/{resource}}, the sharer taken round-robin from {@code tokens} (so no user
     * comes near the per-user limit).
     */
    static HttpTarget shareApi(String baseUrl, UUID resourceId, List<String> tokens, String part) {
        URI uri = URI.create(baseUrl + "/v1/shares/" + resourceId);
        return new HttpTarget(sequence -> post(uri, recipient(part, sequence))
                .header("Authorization", "Bearer " + tokens.get((int) (sequence % tokens.size())))
                .build());
    }

    /** Any other server taking the same body, e.g. the synchronous design's. */
    static HttpTarget plain(URI uri, String part) {
        return new HttpTarget(sequence -> post(uri, recipient(part, sequence)).build());
    }

    static String recipient(String part, long sequence) {
        return part + "-" + sequence + "@bench.example";
    }

    private static HttpRequest.Builder post(URI uri, String recipient) {
        return HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY.formatted(recipient), StandardCharsets.UTF_8));
    }

    @Override
    public CompletableFuture<Integer> send(long sequence) {
        return connections.submit(() -> CLIENT.sendAsync(requests.apply(sequence), HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null ? response.statusCode() : 0));
    }

    @Override
    public int call(long sequence) throws InterruptedException {
        try {
            return CLIENT.send(requests.apply(sequence), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        }
    }
}
