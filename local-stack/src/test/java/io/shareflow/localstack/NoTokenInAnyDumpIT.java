package io.shareflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.shareflow.embedded.KraftBroker;
import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.localstack.RestCalls.Response;
import io.shareflow.testsupport.SecretScanner;
import io.shareflow.testsupport.SecretScanner.Finding;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The dump test of DESIGN.md ("A dump of any database or topic, even while e-mails are still being retried, opens
 * no share"): with one invitation delivered and another still being retried, a full dump of all databases and all
 * topics holds none of the link tokens the API handed out — in no encoding {@link SecretScanner} knows.
 *
 * <p>The scan proves it can fail: in the same pass it must find a token planted on purpose, in several
 * encodings, in a scratch table of each database and in a scratch topic.
 */
@ExtendWith(SharedLocalStack.class)
class NoTokenInAnyDumpIT {

    private static final List<String> SERVICE_DATABASES = List.of("share_api", "user_provisioner", "share_notifier");
    private static final String SCRATCH_TABLE = "dump_self_test";
    private static final String SCRATCH_TOPIC = "dump-self-test";
    private static final String PLANTED = "the token planted by the self-test";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static LocalStack stack;
    private static String alice;

    @BeforeAll
    static void useTheWholeSystem(LocalStack running) {
        stack = running;
        alice = stack.demo().aliceToken(stack.settings().jwtTokens());
    }

    @Test
    void aDumpOfEveryDatabaseAndTopicHoldsNoLinkTokenWhileAnInvitationIsStillBeingRetried() throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();

        // One invitation delivered, to a new address; asked with an Idempotency-Key and asked again (a replay),
        // so share-api's stored idempotent response is in the dump too.
        String deliveredTo = "dump.delivered." + UUID.randomUUID() + "@example.com";
        Map<String, String> idempotencyKey = Map.of("Idempotency-Key", "dump-" + UUID.randomUUID());
        JsonNode delivered = accepted(share(deliveredTo, idempotencyKey));
        JsonNode replayed = accepted(share(deliveredTo, idempotencyKey));
        assertThat(replayed.path("shareId").asText()).isEqualTo(delivered.path("shareId").asText());
        assertThat(replayed.path("url").asText()).isEqualTo(delivered.path("url").asText());
        String deliveredShare = delivered.path("shareId").asText();
        secrets.put("the link token of the delivered share " + deliveredShare, tokenOf(delivered));
        awaitShare(deliveredShare, "ACTIVE");
        assertThat(invitationsTo(deliveredTo)).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains(delivered.path("url").asText()));
        // Its new recipient's registration link is a credential too: it must be in no dump either.
        CapturedMessage registration = await().atMost(Duration.ofSeconds(30))
                .until(() -> registrationsTo(deliveredTo), mails -> mails.size() == 1).get(0);
        secrets.put("the registration token of " + deliveredTo, registrationTokenOf(registration));

        // One invitation kept retrying: the SMTP server answers 451 to its recipient for now.
        String retriedTo = "dump.retried." + UUID.randomUUID() + "@example.com";
        RefusedRecipient refusal = new RefusedRecipient(retriedTo);
        try {
            secrets.put(PLANTED, plant());
            stack.mail().rejectRecipients(refusal, 451);
            JsonNode retried = accepted(share(retriedTo, Map.of()));
            String retriedShare = retried.path("shareId").asText();
            secrets.put("the link token of the share still being retried " + retriedShare, tokenOf(retried));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> refusal.refused() >= 1);

            SecretScanner scanner = new SecretScanner(secrets);
            long started = System.nanoTime();
            Map<String, Map<String, Integer>> databases = SystemDump.databases(stack.postgres(), scanner);
            Map<String, Long> topics = SystemDump.topics(stack.kafka().bootstrapServers(), scanner);
            int refusedUntilTheEndOfTheDump = refusal.stopRefusing();
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            // The dump was taken while the notification was being retried: its last attempt had not come yet.
            assertThat(refusedUntilTheEndOfTheDump)
                    .as("attempts refused before the dump ended: the retry window (at least %s) closed during the"
                            + " dump, which took %s", SharedLocalStack.RETRY_WINDOW, took)
                    .isLessThan(SharedLocalStack.NOTIFIER_MAX_ATTEMPTS);
            System.out.printf("Dump of %d values (%d bytes) in %d databases and %d topics: %d ms%n", scanner.items(),
                    scanner.bytes(), databases.size(), topics.size(), took.toMillis());
            // It was a dump of everything.
            assertThat(databases).containsKeys(SERVICE_DATABASES.toArray(String[]::new));
            SERVICE_DATABASES.forEach(db -> assertThat(databases.get(db)).as("tables of %s", db)
                    .containsKey("public." + SCRATCH_TABLE).hasSizeGreaterThan(2));
            assertThat(topics).containsKeys("share.events.v1", "share.events.v1.dlt", "share.notifications.v1",
                    "share.provisioning.v1", "user.directory.v1", SCRATCH_TOPIC);
            assertThat(topics.get("share.events.v1")).isPositive();
            // The scanner finds what was planted, wherever and however it was planted.
            assertPlantedTokenFound(scanner);

            List<Finding> leaks = scanner.findings().stream().filter(f -> !f.secret().equals(PLANTED)).toList();
            assertThat(leaks)
                    .withFailMessage("%d values of the dump hold a link token (%d values, %d bytes read from"
                                    + " databases %s and topics %s):%n%s",
                            leaks.size(), scanner.items(), scanner.bytes(), databases.keySet(), topics.keySet(),
                            leaks.stream().map(Finding::toString).collect(Collectors.joining("\n")))
                    .isEmpty();

            // Nor are they in the services' logs (not part of a dump, but at rest all the same).
            SecretScanner logScanner = new SecretScanner(secrets);
            SystemDump.logs(stack.settings().dataDir().resolve("logs"), logScanner);
            assertThat(logScanner.items()).as("log files read").isEqualTo(3);
            assertThat(logScanner.findings()).as("link tokens in the service logs").isEmpty();

            // Once the SMTP server takes it, the retried invitation goes out with the link of the 202.
            awaitShare(retriedShare, "ACTIVE");
            assertThat(invitationsTo(retriedTo)).singleElement()
                    .satisfies(mail -> assertThat(mail.text()).contains(retried.path("url").asText()));
        } finally {
            stack.mail().acceptAllRecipients();
            removePlants();
        }
    }

    /**
     * Plants a fresh token of share-api's shape (URL-safe base64 of 32 random bytes) in a scratch table of each
     * service database and in a scratch topic, each time in other encodings; see {@link #assertPlantedTokenFound}.
     */
    private static String plant() throws Exception {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byte[] text = token.getBytes(StandardCharsets.US_ASCII);
        insert("share_api", "planted: " + Base64.getUrlEncoder().encodeToString(("x" + token + "yz").getBytes(StandardCharsets.US_ASCII)),
                null);
        insert("user_provisioner", null, ByteBuffer.allocate(40).put("junk-".getBytes(StandardCharsets.US_ASCII))
                .put(bytes).put("-j!".getBytes(StandardCharsets.US_ASCII)).array());
        insert("share_notifier", "token=" + token, HexFormat.of().withUpperCase().formatHex(text)
                .getBytes(StandardCharsets.US_ASCII));

        KraftBroker.createTopics(stack.kafka().bootstrapServers(), 1, SCRATCH_TOPIC);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new ByteArraySerializer(), new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(SCRATCH_TOPIC, "key".getBytes(StandardCharsets.US_ASCII),
                    ByteBuffer.allocate(text.length + 4).put(new byte[] {(byte) 0xC3, 0x01}).put(text).put(new byte[2]).array());
            record.headers().add("x-self-test", Base64.getEncoder().encode(bytes));
            producer.send(record).get();
        }
        return token;
    }

    private static void assertPlantedTokenFound(SecretScanner scanner) {
        List<Finding> found = scanner.findingsOf(PLANTED);
        Map<String, String> expected = new LinkedHashMap<>();
        String table = ", table public." + SCRATCH_TABLE + ", row 1, column ";
        expected.put("database share_api" + table + "note", "base64 (URL-safe) of a longer value holding its text at offset 1 mod 3");
        expected.put("database user_provisioner" + table + "secret (bytea)", "its decoded bytes, raw");
        expected.put("database user_provisioner" + table + "secret (bytea as hex)", "hex (lower case) of its decoded bytes");
        expected.put("database share_notifier" + table + "note", "its text");
        expected.put("database share_notifier" + table + "secret (bytea)", "hex (upper case) of its text");
        expected.put("topic " + SCRATCH_TOPIC + ", partition 0, offset 0, value", "its text");
        expected.put("topic " + SCRATCH_TOPIC + ", partition 0, offset 0, header x-self-test",
                "base64 (standard, padded) of its decoded bytes");
        expected.forEach((where, encoding) -> assertThat(found)
                .as("the self-test's token as %s in %s; found: %s", encoding, where, found)
                .anyMatch(f -> f.where().equals(where) && f.isIn(encoding)));
    }

    private static void insert(String database, String note, byte[] secret) throws Exception {
        try (Connection c = stack.postgres().dataSource(database).getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table " + SCRATCH_TABLE + " (note text, secret bytea)");
            }
            try (PreparedStatement ps = c.prepareStatement("insert into " + SCRATCH_TABLE + " values (?, ?)")) {
                ps.setString(1, note);
                ps.setBytes(2, secret);
                ps.executeUpdate();
            }
        }
    }

    private static void removePlants() throws Exception {
        for (String database : SERVICE_DATABASES) {
            try (Connection c = stack.postgres().dataSource(database).getConnection(); Statement s = c.createStatement()) {
                s.execute("drop table if exists " + SCRATCH_TABLE);
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()))) {
            if (admin.listTopics().names().get().contains(SCRATCH_TOPIC)) {
                admin.deleteTopics(List.of(SCRATCH_TOPIC)).all().get();
            }
        }
    }

    private static Response share(String recipient, Map<String, String> headers) {
        return RestCalls.post(stack.settings().shareApiUrl() + "/v1/shares/" + stack.demo().maintenanceLogId(), alice,
                Map.of("recipientEmail", recipient, "message", "Here is the A320 log."), headers);
    }

    /** The one share of a 202. */
    private static JsonNode accepted(Response response) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(202);
        assertThat(response.data().path("shares")).hasSize(1);
        return response.data().path("shares").get(0);
    }

    /** The link token of a share: the last path segment of its {@code url}. */
    private static String tokenOf(JsonNode share) {
        String url = share.path("url").asText();
        String token = url.substring(url.lastIndexOf('/') + 1);
        assertThat(token).as("the token of %s", url).hasSizeGreaterThanOrEqualTo(22);
        return token;
    }

    private static void awaitShare(String shareId, String status) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
            Response response = RestCalls.get(stack.settings().shareApiUrl() + "/v1/shares/" + shareId, alice);
            return response.status() == 200 && response.data().path("status").asText().equals(status);
        });
    }

    private static List<CapturedMessage> invitationsTo(String recipient) {
        return mailsTo(recipient).stream().filter(m -> m.messageId().startsWith("<share-")).toList();
    }

    private static List<CapturedMessage> registrationsTo(String recipient) {
        return mailsTo(recipient).stream().filter(m -> m.messageId().startsWith("<registration-")).toList();
    }

    /** The token at the end of the registration link ({@code …/register/{token}}) in a registration e-mail. */
    private static String registrationTokenOf(CapturedMessage mail) {
        Matcher link = Pattern.compile("/register/([A-Za-z0-9_-]{22,})").matcher(mail.text());
        assertThat(link.find()).as("a registration link in %s", mail.text()).isTrue();
        return link.group(1);
    }

    private static List<CapturedMessage> mailsTo(String recipient) {
        return stack.mail().messages().stream()
                .filter(m -> m.to().stream().anyMatch(to -> to.equalsIgnoreCase(recipient)))
                .toList();
    }

    /** Refuses one recipient, counting the attempts, until told to stop. */
    private static final class RefusedRecipient implements Predicate<String> {

        private final String address;
        private boolean refusing = true;
        private int refused;

        RefusedRecipient(String address) {
            this.address = address;
        }

        @Override
        public synchronized boolean test(String candidate) {
            if (refusing && candidate.equalsIgnoreCase(address)) {
                refused++;
                return true;
            }
            return false;
        }

        synchronized int refused() {
            return refused;
        }

        /** @return the attempts refused until now, none after */
        synchronized int stopRefusing() {
            refusing = false;
            return refused;
        }
    }
}
