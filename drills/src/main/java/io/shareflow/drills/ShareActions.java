package io.shareflow.drills;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;

import io.shareflow.localstack.RestCalls;
import tools.jackson.databind.JsonNode;

/**
 * Re-sends and revocations as a careful client makes them while a part of the system fails: round-robin over
 * share-api's instances; after a refused connection, a timeout or a 5xx it asks for the share (on the next instance
 * that answers) and tries again only if the change is not there. A re-send takes no {@code Idempotency-Key}, so a
 * client that simply repeated one whose answer was lost could e-mail the recipient twice; this one does not. It looks
 * after its back-off (100 ms at least), so a commit that was under way when the answer was lost has landed by then;
 * a request the server still works on after the client's 30 s timeout could still be made twice (a drill would then
 * see an unexpected re-send 2), which none of these faults produces.
 */
public final class ShareActions {

    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final List<String> apis;
    private final String token;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    public ShareActions(List<String> apis, String token) {
        this.apis = List.copyOf(apis);
        this.token = token;
    }

    /** {@code POST /v1/shares/{id}/notifications}, exactly once. */
    public void resend(UUID shareId) {
        act(shareId, "re-send", api -> RestCalls.post(api + "/v1/shares/" + shareId + "/notifications", token, Map.of()),
                202, ShareActions::wasResent);
    }

    /** {@code DELETE /v1/shares/{id}}, until the share is revoked. */
    public void revoke(UUID shareId) {
        act(shareId, "revoke", api -> RestCalls.delete(api + "/v1/shares/" + shareId, token), 204,
                share -> "REVOKED".equals(share.path("status").asText()));
    }

    /** Calls made again, or preceded by a look at the share, after a refused connection, a timeout or a 5xx. */
    public int retries() {
        return retries.get();
    }

    private void act(UUID shareId, String what, Function<String, RestCalls.Response> call, int success,
                     Predicate<JsonNode> applied) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        boolean inDoubt = false;
        for (int attempt = 0; ; attempt++) {
            String api = apis.get(Math.floorMod(next.getAndIncrement(), apis.size()));
            try {
                if (inDoubt) {
                    RestCalls.Response share = RestCalls.get(api + "/v1/shares/" + shareId, token);
                    if (share.status() == 200 && applied.test(share.data())) {
                        return;
                    }
                    inDoubt = share.status() != 200;
                }
                if (!inDoubt) {
                    RestCalls.Response answer = call.apply(api);
                    if (answer.status() == success) {
                        return;
                    }
                    if (answer.status() < 500 && answer.status() != 429) {
                        throw new IllegalStateException(what + " of " + shareId + " refused: HTTP " + answer.status()
                                + " " + answer.body());
                    }
                    // A 5xx may come after the change committed (the database went away with the answer): look first.
                    inDoubt = answer.status() >= 500;
                }
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof IOException)) {
                    throw e;
                }
                inDoubt = true; // no answer: the instance is down, or the change may have been made
            }
            retries.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no instance of share-api made the " + what + " of " + shareId
                        + " within " + GIVE_UP_AFTER);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(Math.min(1000, 100L << Math.min(attempt, 4))); // a client's back-off
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The share's history holds its re-send: a direct share's or a link's, or a share asked for again. */
    private static boolean wasResent(JsonNode share) {
        for (JsonNode entry : share.path("history")) {
            String cause = entry.path("cause").asText("");
            if (cause.startsWith("ShareNotificationRequested(attempt ") || cause.startsWith("ShareRequested(attempt ")) {
                return true;
            }
        }
        return false;
    }
}
