package io.shareflow.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;

/**
 * The limit through the API: 600 recipients a minute per user (the default, which the suite keeps: no other test
 * shares with more than a few dozen recipients per user), the 601st refused with 429 and nothing written; a re-send
 * counts against the same window.
 */
class SharingRateLimitApiIT extends ShareApiIntegrationSupport {

    private static final int LIMIT = 600;

    @Test
    void the601stRecipientInAMinuteIs429WithRetryAfterAndNothingWritten() {
        // A fixed window: should the minute turn while the 600 are shared, the count restarts; try again then.
        for (int attempt = 1; ; attempt++) {
            Caller sharer = Caller.sharer();
            UUID resource = createDocument(sharer);
            String firstShare = null;
            for (int batch = 0; batch < LIMIT / 100; batch++) {
                int from = batch * 100;
                Response accepted = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipients",
                        IntStream.range(from, from + 100).mapToObj(i -> Map.of("email", "r" + i + "@example.com")).toList()));
                assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
                firstShare = firstShare != null ? firstShare
                        : accepted.data().get("shares").get(0).get("shareId").asString();
            }
            long shares = count("select count(*) from share");
            long outbox = count("select count(*) from outbox_event");

            Response refused = api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "r600@example.com"));
            Response link = api.post("/v1/shares/" + resource + "/links", sharer.token(), Map.of("audience", "anyone"));
            Response resend = api.post("/v1/shares/" + firstShare + "/notifications", sharer.token(), null);
            if (windowsOf(sharer) > 1 && attempt < 3) {
                continue;
            }
            assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
            assertThat(refused.onlyError().get("errorCode").asString()).isEqualTo("TooManyRequests");
            assertThat(refused.onlyError().get("extension").isObject()).isTrue();
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            // A link without recipients counts one: refused too.
            assertThat(link.status()).as(link.toString()).isEqualTo(429);
            assertThat(link.header("Retry-After")).isNotNull();
            // A re-send e-mails someone too: it counts against the same window.
            assertThat(resend.status()).as(resend.toString()).isEqualTo(429);
            assertThat(resend.header("Retry-After")).isNotNull();
            assertThat(count("select resend_count from share where id = ?", UUID.fromString(firstShare))).isZero();
            assertThat(count("select count(*) from share")).as("no share").isEqualTo(shares);
            assertThat(count("select count(*) from outbox_event")).as("no event").isEqualTo(outbox);
            assertThat(count("select sum(recipients) from sharing_rate_window where user_id = ?", sharer.userId()))
                    .isEqualTo(LIMIT);

            // Others of the organisation share on.
            Caller colleague = Caller.of(sharer.organizationId(), "producer-user");
            assertThat(api.post("/v1/shares/" + resource, colleague.token(), Map.of("recipientEmail", "r0@example.com"))
                    .status()).isEqualTo(202);
            return;
        }
    }

    @Test
    void refusedRequestsDoNotCount() {
        Caller sharer = Caller.sharer();
        UUID resource = createDocument(sharer);
        // 404 (no such resource) and 400 (bad recipient) roll their count back with them.
        assertThat(api.post("/v1/shares/" + UUID.randomUUID(), sharer.token(), Map.of("recipientEmail", "a@example.com"))
                .status()).isEqualTo(404);
        assertThat(api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipients",
                List.of(Map.of("email", "a@example.com"), Map.of("email", "nope")))).status()).isEqualTo(400);
        assertThat(count("select count(*) from sharing_rate_window where user_id = ?", sharer.userId())).isZero();

        assertThat(api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipients",
                List.of(Map.of("email", "a@example.com"), Map.of("email", "b@example.com")))).status()).isEqualTo(202);
        assertThat(api.post("/v1/shares/" + resource + "/links", sharer.token(), Map.of("audience", "anyone"))
                .status()).isEqualTo(201);
        assertThat(count("select sum(recipients) from sharing_rate_window where user_id = ?", sharer.userId()))
                .as("2 recipients + a link without recipients").isEqualTo(3);
    }

    private long windowsOf(Caller sharer) {
        return count("select count(*) from sharing_rate_window where user_id = ?", sharer.userId());
    }
}
