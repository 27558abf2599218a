package io.shareflow.notifier;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.embedded.mail.MailCatcher;
import io.shareflow.events.NotificationFailed;
import io.shareflow.events.NotificationSent;
import io.shareflow.events.RegistrationLinkIssued;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.ShareRequested;
import io.shareflow.schemas.AvroEventDeserializer;
import io.shareflow.testsupport.EventFixtures;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole service against real Kafka, PostgreSQL and SMTP
 * (GreenMail), started once per JVM and shared by every test class through one Spring context.
 * Retries are shrunk to seconds: {@value #MAX_ATTEMPTS} attempts, 0.5 s doubling (window ≈ 7.5 s).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class NotifierIntegrationSupport {

    static final int MAX_ATTEMPTS = 5;
    static final String JWT_SECRET = "integration-test-secret-of-at-least-32-bytes!";
    static final MailCatcher MAIL = TestInfrastructure.mail();

    @Autowired
    protected JdbcClient jdbc;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.datasource.url", TestInfrastructure::databaseUrl);
        registry.add("spring.mail.host", () -> "localhost");
        registry.add("spring.mail.port", MAIL::smtpPort);
        registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
        registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
        registry.add("shareflow.notifier.retry.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("shareflow.notifier.retry.initial-backoff", () -> "500ms");
        registry.add("shareflow.notifier.retry.multiplier", () -> "2.0");
        registry.add("shareflow.notifier.retry.max-backoff", () -> "5s");
        registry.add("shareflow.notifier.dispatch.poll-interval", () -> "200ms");
        registry.add("shareflow.security.jwt.hmac-secret", () -> JWT_SECRET);
        registry.add("shareflow.events.seal-key", () -> TestInfrastructure.SEAL_KEY_LIST);
    }

    @BeforeEach
    void healthySmtp() {
        MAIL.acceptAllRecipients();
        MAIL.startSmtp();
    }

    protected static ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100));
    }

    /**
     * A new share with notify on, to a new address ({@link EventFixtures#shareRequested()}), as share-api publishes
     * it from version 2 on: the link sealed with the tests' key ({@link SealedEventFixtures#aSealedShare});
     * {@link SealedEventFixtures#linkOf} opens it.
     */
    static ShareRequested aShare() {
        return SealedEventFixtures.aSealedShare();
    }

    /** A new share with {@code notify = false}. */
    static ShareRequested aSilentShare() {
        return ShareRequested.newBuilder(aShare()).setNotify(false).build();
    }

    /** A new share to {@code recipientEmail}. */
    static ShareRequested aShareTo(String recipientEmail) {
        return ShareRequested.newBuilder(aShare()).setRecipientEmail(recipientEmail).build();
    }

    /** As share-api's outbox relay would (key = shareId, CloudEvents headers). */
    static void publish(ShareRequested event) {
        TestInfrastructure.kafka().send(TestInfrastructure.SHARE_EVENTS, event.getShareId().toString(), event);
    }

    /** As share-api's outbox relay would (key = the link's shareId, CloudEvents headers). */
    static void publish(ShareLinkCreated event) {
        TestInfrastructure.kafka().send(TestInfrastructure.SHARE_EVENTS, event.getLinkId().toString(), event);
    }

    /** As user-provisioner's outbox relay would (key = userId, CloudEvents headers). */
    static void publish(RegistrationLinkIssued event) {
        TestInfrastructure.kafka().send(TestInfrastructure.PROVISIONING, event.getUserId().toString(), event);
    }

    /** To partition 0 of user-provisioner's topic, so that events published this way are consumed in this order. */
    static void publishToProvisioningInOrder(SpecificRecord event, UUID key) {
        TestInfrastructure.kafka().send(TestInfrastructure.PROVISIONING, 0, key.toString(), event);
    }

    /** To partition 0, so that events published this way are consumed in this order. */
    static void publishInOrder(SpecificRecord event, UUID shareId) {
        TestInfrastructure.kafka().send(TestInfrastructure.SHARE_EVENTS, 0, shareId.toString(), event);
    }

    static List<SpecificRecord> resultsFor(UUID shareId) {
        return TestInfrastructure.received(TestInfrastructure.NOTIFICATIONS).stream()
                .filter(r -> shareId.toString().equals(r.key()))
                .map(r -> AvroEventDeserializer.decode(r.value()))
                .toList();
    }

    protected static List<NotificationSent> sentFor(UUID shareId) {
        return resultsFor(shareId).stream().filter(NotificationSent.class::isInstance)
                .map(NotificationSent.class::cast).toList();
    }

    static List<NotificationFailed> failedFor(UUID shareId) {
        return resultsFor(shareId).stream().filter(NotificationFailed.class::isInstance)
                .map(NotificationFailed.class::cast).toList();
    }

    protected static List<CapturedMessage> mailTo(String recipient) {
        return MAIL.messages().stream().filter(m -> m.to().contains(recipient)).toList();
    }

    /** The recipient's row of a share by link's event: its state; null when none. */
    String stateOf(UUID eventId, String recipient) {
        return jdbc.sql("select state from notification where event_id = :id and recipient_email = :recipient")
                .param("id", eventId).param("recipient", recipient)
                .query(String.class).optional().orElse(null);
    }

    /** The send-log rows of an event, one per recipient, as PostgreSQL prints them (bytea as hex). */
    List<String> rowsOf(UUID eventId) {
        return jdbc.sql("select row_to_json(n)::text from notification n where event_id = :id order by recipient_position")
                .param("id", eventId).query(String.class).list();
    }

    protected String stateOf(UUID eventId) {
        return jdbc.sql("select state from notification where event_id = :id").param("id", eventId)
                .query(String.class).optional().orElse(null);
    }

    /** The whole send-log row as PostgreSQL prints it (bytea as hex), to look for a link in it; null when none. */
    String rowOf(UUID eventId) {
        return jdbc.sql("select row_to_json(n)::text from notification n where event_id = :id").param("id", eventId)
                .query(String.class).optional().orElse(null);
    }

    int attemptsOf(UUID eventId) {
        return jdbc.sql("select attempts from notification where event_id = :id").param("id", eventId)
                .query(Integer.class).optional().orElse(0);
    }
}
