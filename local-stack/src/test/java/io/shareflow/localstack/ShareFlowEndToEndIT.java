package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.localstack.RestCalls.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The whole system as local-stack runs it — three service jars as child processes on real Kafka,
 * PostgreSQL and SMTP — driven only through its public interfaces: REST, the mailbox, the databases.
 * The stack is {@link SharedLocalStack shared} with the other end-to-end ITs.
 */
@ExtendWith(SharedLocalStack.class)
class ShareFlowEndToEndIT {

    private static LocalStack stack;
    private static String alice;
    private static String admin;

    @BeforeAll
    static void useTheWholeSystem(LocalStack running) {
        stack = running;
        alice = stack.demo().aliceToken(stack.settings().jwtTokens());
        admin = stack.demo().adminToken(stack.settings().jwtTokens());
    }

    @Test
    void theBannerShowsTheJwtSecretButNeverTheSealKey() {
        String banner = stack.banner(1.0);
        String key = stack.settings().sealKey();
        assertThat(key).startsWith(LocalStackSettings.GENERATED_KEY_ID + ":");
        assertThat(banner).contains(stack.settings().jwtSecret())
                .contains(LocalStackSettings.JWT_ISSUER + " / " + LocalStackSettings.JWT_AUDIENCE)
                .contains("key id " + LocalStackSettings.GENERATED_KEY_ID)
                .doesNotContain(key.substring(key.indexOf(':') + 1));
    }

    @Test
    void aNewRecipientGetsADeactivatedAccountAnInvitationARegistrationEmailAndAnActiveShare() {
        String recipient = "new." + UUID.randomUUID() + "@example.com";
        Response accepted = share(recipient);
        assertThat(accepted.status()).isEqualTo(202);
        JsonNode created = accepted.data().path("shares").get(0);
        String shareId = created.path("shareId").asText();
        String url = created.path("url").asText();
        assertThat(accepted.location()).isEqualTo("/v1/shares/" + shareId);
        assertThat(created.path("status").asText()).isEqualTo("PENDING");

        JsonNode share = awaitShare(shareId, s -> s.path("status").asText().equals("ACTIVE"));
        assertThat(share.path("provisioning").asText()).isEqualTo("USER_CREATED");
        assertThat(share.path("notification").asText()).isEqualTo("SENT");

        Response users = RestCalls.get(stack.settings().provisionerUrl() + "/v1/users?email=" + recipient, admin);
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.data()).hasSize(1);
        assertThat(users.data().get(0).path("status").asText()).isEqualTo("DEACTIVATED");
        assertThat(users.data().get(0).path("organizationId").asText()).isEqualTo(stack.demo().acmeId().toString());

        // Two e-mails for a new recipient: the invitation with the share's link, and the registration link.
        assertThat(invitationsTo(recipient)).singleElement().satisfies(mail -> assertThat(mail.text())
                .contains(url).contains("A320 maintenance log.pdf").contains("Alice Archer"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(registrationsTo(recipient))
                .singleElement().satisfies(mail -> assertThat(mail.text())
                        .contains(stack.settings().provisionerUrl() + "/register/").contains("Acme")));
    }

    @Test
    void anExistingUserOfTheSameOrganisationIsFoundNotCreated() {
        Response accepted = share("bob@acme.example");
        assertThat(accepted.status()).isEqualTo(202);
        String shareId = accepted.data().path("shares").get(0).path("shareId").asText();

        JsonNode share = awaitShare(shareId, s -> s.path("status").asText().equals("ACTIVE"));
        assertThat(share.path("provisioning").asText()).isEqualTo("EXISTING_USER");
        assertThat(share.path("notification").asText()).isEqualTo("SENT");
    }

    @Test
    void aRecipientOfAnotherOrganisationIsRefusedAndNothingIsRecordedOrSent() throws Exception {
        Response refused = share("Dave@Globex.example");
        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = refused.body().path("errors").get(0);
        assertThat(error.path("errorCode").asText()).isEqualTo("UnprocessableEntity");
        assertThat(error.path("extension").path("recipientEmail").asText()).isEqualToIgnoringCase("dave@globex.example");

        assertThat(sharesInDatabaseFor("dave@globex.example")).isZero();
        assertThat(outboxRowsMentioning("dave@globex.example")).isZero();
        assertThat(mailsTo("dave@globex.example")).isEmpty();
    }

    @Test
    void whenSmtpIsDownForTheWholeRetryWindowTheShareBecomesNotificationFailedAndStaysReadable() {
        stack.mail().stopSmtp();
        try {
            String recipient = "unlucky." + UUID.randomUUID() + "@example.com";
            Response accepted = share(recipient);
            assertThat(accepted.status()).isEqualTo(202);
            String shareId = accepted.data().path("shares").get(0).path("shareId").asText();

            JsonNode share = awaitShare(shareId, s -> s.path("status").asText().equals("NOTIFICATION_FAILED"));
            assertThat(share.path("notification").asText()).isEqualTo("FAILED");
            assertThat(share.path("provisioning").asText()).isEqualTo("USER_CREATED");
            assertThat(RestCalls.get(stack.settings().shareApiUrl() + "/v1/shares/" + shareId, alice).status()).isEqualTo(200);
        } finally {
            stack.mail().startSmtp();
        }
    }

    @Test
    void fiftyConcurrentSharesGiveFiftyEmailsAndFiftyActiveSharesWithoutDuplicates() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            recipients.add("crowd" + i + "." + batch + "@example.com");
        }
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<String> shareIds = new ArrayList<>();
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (String r : recipients) {
                calls.add(pool.submit(() -> share(r)));
            }
            for (Future<Response> call : calls) {
                Response response = call.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).isEqualTo(202);
                shareIds.add(response.data().path("shares").get(0).path("shareId").asText());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(shareIds).doesNotHaveDuplicates().hasSize(50);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> shareIds.stream()
                .allMatch(id -> getShare(id).path("status").asText().equals("ACTIVE")));
        // Each new recipient gets one invitation and one registration e-mail, never two of either.
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(mailsPerRecipient(batch, "<share-")).hasSize(50)
                    .allSatisfy((to, count) -> assertThat(count).as("invitations to %s", to).isEqualTo(1L));
            assertThat(mailsPerRecipient(batch, "<registration-")).hasSize(50)
                    .allSatisfy((to, count) -> assertThat(count).as("registration e-mails to %s", to).isEqualTo(1L));
        });
    }

    private static Response share(String recipient) {
        return RestCalls.post(stack.settings().shareApiUrl() + "/v1/shares/" + stack.demo().maintenanceLogId(), alice,
                Map.of("recipientEmail", recipient, "message", "Here is the A320 log."));
    }

    private static JsonNode getShare(String shareId) {
        Response response = RestCalls.get(stack.settings().shareApiUrl() + "/v1/shares/" + shareId, alice);
        assertThat(response.status()).isEqualTo(200);
        return response.data();
    }

    private static JsonNode awaitShare(String shareId, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> getShare(shareId), condition::test);
    }

    private static Map<String, Long> mailsPerRecipient(String batch, String messageIdPrefix) {
        return stack.mail().messages().stream()
                .filter(m -> m.messageId().startsWith(messageIdPrefix))
                .flatMap(m -> m.to().stream())
                .filter(to -> to.endsWith("." + batch + "@example.com"))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** The share invitations to a recipient (Message-ID {@code <share-…>}), not the registration e-mail. */
    private static List<CapturedMessage> invitationsTo(String recipient) {
        return mailsTo(recipient).stream().filter(m -> m.messageId().startsWith("<share-")).toList();
    }

    /** The registration e-mails to a recipient (Message-ID {@code <registration-…>}). */
    private static List<CapturedMessage> registrationsTo(String recipient) {
        return mailsTo(recipient).stream().filter(m -> m.messageId().startsWith("<registration-")).toList();
    }

    private static List<CapturedMessage> mailsTo(String recipient) {
        return stack.mail().messages().stream()
                .filter(m -> m.to().stream().anyMatch(to -> to.equalsIgnoreCase(recipient)))
                .toList();
    }

    private static long sharesInDatabaseFor(String email) throws Exception {
        return count("select count(*) from share where lower(recipient_email) = lower(?)", email);
    }

    private static long outboxRowsMentioning(String email) throws Exception {
        return count("select count(*) from outbox_event where position(convert_to(lower(?), 'UTF8') in payload) > 0", email);
    }

    private static long count(String sql, String email) throws Exception {
        try (Connection c = stack.postgres().dataSource("share_api").getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, email);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
