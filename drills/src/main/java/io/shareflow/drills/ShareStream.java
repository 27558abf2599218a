package io.shareflow.drills;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bounded stream of shares, as a client sends them: round-robin over share-api's instances, each request with an
 * {@code Idempotency-Key}, and on a refused connection, a timeout or a 5xx the same request again on the next
 * instance until it is accepted, so a killed instance loses the client nothing. Records every 202/201.
 *
 * <p>The mix, by position in the stream: 6 in 10 to someone new, 1 another document to an earlier recipient of the
 * stream, 1 to someone new with {@code notify: false}, 2 links e-mailed to a new address.
 */
public final class ShareStream {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final List<String> apis;
    private final String token;
    private final List<UUID> documents;
    private final String tag;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();
    private final ConcurrentLinkedQueue<Accepted> accepted = new ConcurrentLinkedQueue<>();
    private final Consumer<Accepted> onAccepted;

    /**
     * @param documents at least two documents the token's user may share
     * @param tag       in every address of this stream, so a drill counts only its own e-mails and users
     */
    public ShareStream(List<String> apis, String token, List<UUID> documents, String tag) {
        this(apis, token, documents, tag, share -> { });
    }

    /** @param onAccepted told of each share as soon as it is accepted, on the client thread that sent it */
    public ShareStream(List<String> apis, String token, List<UUID> documents, String tag,
                       Consumer<Accepted> onAccepted) {
        this.apis = List.copyOf(apis);
        this.token = token;
        this.documents = List.copyOf(documents);
        this.tag = tag;
        this.onAccepted = onAccepted;
    }

    /**
     * Sends {@code shares} shares at about {@code perSecond}, from 4 client threads, and calls {@code midStream} once
     * when a third of them were sent (in its own thread, so the stream goes on while it runs); returns when every
     * share was accepted.
     */
    public List<Accepted> run(int shares, int perSecond, Runnable midStream) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        ExecutorService fault = Executors.newSingleThreadExecutor();
        List<Future<?>> calls = new ArrayList<>();
        Future<?> faultDone = null;
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        try {
            for (int i = 0; i < shares; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // the stream's schedule, not a synchronisation
                }
                int position = i;
                calls.add(clients.submit(() -> send(position)));
                if (i == shares / 3 && midStream != null) {
                    faultDone = fault.submit(midStream);
                }
            }
            for (Future<?> call : calls) {
                call.get(GIVE_UP_AFTER.toMinutes() + 1, TimeUnit.MINUTES);
            }
            if (faultDone != null) {
                faultDone.get(10, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
            fault.shutdownNow();
        }
        return accepted.stream().sorted(java.util.Comparator.comparingInt(Accepted::position)).toList();
    }

    /** Requests sent again after a refused connection, a timeout or a 5xx. */
    public int retries() {
        return retries.get();
    }

    private void send(int position) {
        int slot = position % 10;
        String fresh = "drill" + position + "." + tag + "@example.com";
        if (slot == 6 && position >= 10) {
            // The recipient of the share 6 positions earlier (a NEW_RECIPIENT one), another document.
            String earlier = "drill" + (position - 6) + "." + tag + "@example.com";
            accept(position, Accepted.Kind.AGAIN, earlier, "/v1/shares/" + documents.get(1),
                    Map.of("recipientEmail", earlier, "message", "A second document for you."));
        } else if (slot == 7) {
            accept(position, Accepted.Kind.SILENT, fresh, "/v1/shares/" + documents.get(0),
                    Map.of("recipientEmail", fresh, "notify", false));
        } else if (slot == 8 || slot == 9) {
            accept(position, Accepted.Kind.LINK, fresh, "/v1/shares/" + documents.get(0) + "/links",
                    Map.of("audience", "anyone", "recipients", List.of(Map.of("email", fresh)),
                            "message", "The link to the log."));
        } else {
            accept(position, Accepted.Kind.NEW_RECIPIENT, fresh, "/v1/shares/" + documents.get(0),
                    Map.of("recipientEmail", fresh, "message", "Here is the A320 log."));
        }
    }

    private void accept(int position, Accepted.Kind kind, String recipient, String path, Map<String, Object> body) {
        String key = UUID.randomUUID().toString();
        String json = JSON.writeValueAsString(body);
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        for (int attempt = 0; ; attempt++) {
            String api = apis.get(Math.floorMod(next.getAndIncrement(), apis.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 202 || status == 201) {
                    Accepted share = new Accepted(position, shareId(kind, response.body()), kind, recipient);
                    accepted.add(share);
                    onAccepted.accept(share);
                    return;
                }
                if (status < 500 && status != 429) {
                    throw new IllegalStateException("share refused: HTTP " + status + " " + response.body());
                }
            } catch (IOException e) {
                // the instance is down or did not answer in time: the next one gets the same request
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            retries.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no instance of share-api accepted a share within " + GIVE_UP_AFTER);
            }
            try {
                Thread.sleep(Math.min(1000, 100L << Math.min(attempt, 4))); // a client's back-off between tries
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static UUID shareId(Accepted.Kind kind, String body) {
        JsonNode data = JSON.readTree(body).path("data");
        return UUID.fromString(kind == Accepted.Kind.LINK ? data.path("shareId").asText()
                : data.path("shares").get(0).path("shareId").asText());
    }
}
