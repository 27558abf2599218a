package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import io.shareflow.localstack.RestCalls.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One trace per share request, followed through the JSON log files of the three services: the client's
 * {@code traceparent} is continued by share-api's request, the events' {@code traceparent} headers by each consumer,
 * and the notification row's by the e-mail's send — every line of that work carries the trace id and the share id,
 * and every line that names the share is of that trace.
 */
@ExtendWith(SharedLocalStack.class)
class OneTracePerShareIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalStack stack;
    private static String alice;

    @BeforeAll
    static void useTheWholeSystem(LocalStack running) {
        stack = running;
        alice = stack.demo().aliceToken(stack.settings().jwtTokens());
    }

    @Test
    void aShareRequestsTraceIdIsInTheLogLinesOfEveryServiceThatWorksOnIt() throws IOException {
        String traceId = hex(16);
        String recipient = "traced." + UUID.randomUUID() + "@example.com";

        Response accepted = RestCalls.post(stack.settings().shareApiUrl() + "/v1/shares/"
                        + stack.demo().maintenanceLogId(), alice, Map.of("recipientEmail", recipient),
                Map.of("traceparent", "00-" + traceId + "-" + hex(8) + "-01"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String shareId = accepted.data().path("shares").get(0).path("shareId").asText();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(
                () -> RestCalls.get(stack.settings().shareApiUrl() + "/v1/shares/" + shareId, alice).data()
                        .path("status").asText(), "ACTIVE"::equals);

        // The share is ACTIVE once share-api has read NotificationSent; the lines may still be on their way to the file.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(loggersOf("share-api", traceId, shareId))
                    .as("share-api: the request, and the status consumer of both answers")
                    .contains("io.shareflow.api.share.ShareService", "io.shareflow.api.status.ShareStatusTracker");
            assertThat(linesOf("share-api", traceId, shareId).stream()
                    .filter(line -> line.path("log").path("logger").asText().endsWith("ShareStatusTracker"))
                    .map(line -> line.path("message").asText()))
                    .as("share-api's status consumer: provisioning and notification").hasSizeGreaterThanOrEqualTo(2);
            assertThat(loggersOf("user-provisioner", traceId, shareId)).as("user-provisioner: the provisioning")
                    .contains("io.shareflow.provisioner.provisioning.RecipientProvisioning");
            assertThat(loggersOf("share-notifier", traceId, shareId)).as("share-notifier: the handling and the send")
                    .contains("io.shareflow.notifier.notification.NotificationRequestHandler",
                            "io.shareflow.notifier.notification.DeliveryOutcomeRecorder");
        });
        // Every line that names the share, in any service, is of its trace and carries both ids.
        for (String service : List.of("share-api", "user-provisioner", "share-notifier")) {
            assertThat(linesNaming(service, shareId)).as("%s's lines about share %s", service, shareId).isNotEmpty()
                    .allSatisfy(line -> assertThat(List.of(line.path("traceId").asText(), line.path("shareId").asText()))
                            .as("%s: %s", service, line).containsExactly(traceId, shareId));
        }
    }

    /** The service's JSON log lines whose message names the share. */
    private static List<JsonNode> linesNaming(String service, String shareId) throws IOException {
        try (Stream<String> lines = Files.lines(stack.service(service).log(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("{") && line.contains(shareId))
                    .map(JSON::readTree)
                    .filter(line -> line.path("message").asText().contains(shareId))
                    .toList();
        }
    }

    private static List<String> loggersOf(String service, String traceId, String shareId) throws IOException {
        return linesOf(service, traceId, shareId).stream().map(line -> line.path("log").path("logger").asText()).distinct()
                .toList();
    }

    /** The service's JSON log lines of that trace and share. */
    private static List<JsonNode> linesOf(String service, String traceId, String shareId) throws IOException {
        try (Stream<String> lines = Files.lines(stack.service(service).log(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("{") && line.contains(traceId))
                    .map(JSON::readTree)
                    .filter(line -> traceId.equals(line.path("traceId").asText())
                            && shareId.equals(line.path("shareId").asText()))
                    .toList();
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
