package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The trace of a share request goes on in its events: the {@code traceparent} the client sent is the parent of the
 * request's span, whose {@code traceparent} the outbox stamps on each event, and the relay publishes it as it is.
 */
class ShareTraceIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void theEventsOfARequestContinueItsTraceparent() {
        String traceId = hex(16);
        String clientSpanId = hex(8);
        UUID resource = createDocument(sharer);

        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipients", List.of(Map.of("email", "one@example.com"), Map.of("email", "two@example.com"))),
                Map.of("traceparent", "00-" + traceId + "-" + clientSpanId + "-01"));

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        List<String> shareIds = response.data().get("shares").valueStream()
                .map(share -> share.get("shareId").asString()).toList();
        for (String traceparent : traceparentsOf(shareIds)) {
            // The request's server span: same trace, its own span id, sampled.
            assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(clientSpanId);
        }
    }

    @Test
    void aRequestWithoutTraceparentStartsOneTraceForAllItsEvents() {
        UUID resource = createDocument(sharer);

        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipients", List.of(Map.of("email", "one@example.com"), Map.of("email", "two@example.com"))));

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        List<String> shareIds = response.data().get("shares").valueStream()
                .map(share -> share.get("shareId").asString()).toList();
        List<String> traceIds = traceparentsOf(shareIds).stream().map(t -> t.split("-")[1]).distinct().toList();
        assertThat(traceIds).hasSize(1);
    }

    /** The traceparent header of each share's ShareRequested record. */
    private List<String> traceparentsOf(List<String> shareIds) {
        List<ConsumerRecord<String, byte[]>> records = kafka().readUntil(Topics.SHARE_EVENTS,
                all -> shareIds.stream().allMatch(id -> all.stream().anyMatch(r -> id.equals(r.key()))));
        return shareIds.stream().map(id -> records.stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow())
                .map(r -> {
                    Header header = r.headers().lastHeader("traceparent");
                    assertThat(header).as("traceparent of " + r.key()).isNotNull();
                    return new String(header.value(), StandardCharsets.UTF_8);
                })
                .toList();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
