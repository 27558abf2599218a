package io.shareflow.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.shareflow.events.RecipientProvisioned;
import io.shareflow.events.ShareRequested;
import io.shareflow.provisioner.registration.model.RegistrationToken;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.DatabaseDump;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.HttpTestClient.Response;
import io.shareflow.testsupport.SecretScanner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an attacker with a dump of user-provisioner's database and of its topics finds of the registration tokens it
 * issued (the first one, the re-invite's, one still waiting) and of the passwords it was given (a registration's, a
 * wrong one at sign-in, a refused one): nothing, in no form {@link SecretScanner} knows.
 */
class NoPlaintextSecretIT extends IntegrationTestSupport {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    private DataSource dataSource;

    @Test
    void noTokenNorPasswordIsInTheDatabaseNorOnTheTopics() {
        UUID organization = createOrganization("Dump " + UUID.randomUUID());
        UUID registered = provision(organization, EventFixtures.newEmail("dump.registered"));
        String first = tokenOf(registrationLinks(registered, links -> !links.isEmpty()).get(0));
        assertThat(http.post("/v1/users/" + registered + "/invitations", adminToken(), null).status()).isEqualTo(202);
        String reinvited = tokenOf(registrationLinks(registered, links -> links.size() == 2).get(1));
        String password = randomSecret();
        String wrongPassword = randomSecret();
        String refusedPassword = randomSecret() + "x".repeat(60);
        Response refused = http.post("/v1/registrations/" + reinvited, null,
                Map.of("displayName", "Dee Dump", "password", refusedPassword));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(http.post("/v1/registrations/" + reinvited, null,
                Map.of("displayName", "Dee Dump", "password", password)).status()).isEqualTo(200);
        String email = http.get("/v1/users/" + registered, adminToken()).data().path("email").asString();
        assertThat(http.post("/v1/authentications", adminToken(), Map.of("email", email, "password", password))
                .status()).isEqualTo(200);
        assertThat(http.post("/v1/authentications", adminToken(), Map.of("email", email, "password", wrongPassword))
                .status()).isEqualTo(401);
        UUID waiting = provision(organization, EventFixtures.newEmail("dump.waiting"));
        String pending = tokenOf(registrationLinks(waiting, links -> !links.isEmpty()).get(0));

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the first registration token", first);
        secrets.put("the re-invite's token", reinvited);
        secrets.put("a pending registration token", pending);
        secrets.put("the registered password", password);
        secrets.put("a wrong password", wrongPassword);
        secrets.put("a refused password", refusedPassword);

        List<String> found = new ArrayList<>();
        DatabaseDump dump = DatabaseDump.of(dataSource);
        assertThat(dump.tables()).contains("app_user", "organization", "registration_token", "failed_attempt",
                "processed_event");
        // The scan sees what is there: the hashes of the tokens, the user, a BCrypt hash.
        assertThat(dump.of("registration_token")).anyMatch(cell -> cell.text().equals(RegistrationToken.hashOf(pending)));
        assertThat(dump.of("app_user")).anyMatch(cell -> cell.text().startsWith("$2"));
        assertThat(dump.cells()).anyMatch(cell -> cell.table().startsWith("outbox_event")
                && cell.text().contains(waiting.toString()));
        dump.scanWith(new SecretScanner(secrets)).findings().forEach(finding -> found.add(finding.toString()));

        for (String topic : List.of(Topics.SHARE_PROVISIONING, Topics.USER_DIRECTORY, Topics.SHARE_EVENTS)) {
            SecretScanner scanner = new SecretScanner(secrets);
            List<ConsumerRecord<String, byte[]>> records = KAFKA_CLIENT.readUntil(topic, all -> !all.isEmpty()
                    && (!topic.equals(Topics.SHARE_PROVISIONING)
                    || all.stream().anyMatch(r -> waiting.toString().equals(r.key()))));
            for (ConsumerRecord<String, byte[]> record : records) {
                String where = topic + "@" + record.partition() + ":" + record.offset();
                scanner.scan(where + " key", record.key());
                scanner.scan(where + " value", record.value());
                for (Header header : record.headers()) {
                    scanner.scan(where + " header " + header.key(), header.value());
                }
            }
            scanner.findings().forEach(finding -> found.add(finding.toString()));
        }
        assertThat(found).as("secrets in the dump").isEmpty();
    }

    private UUID provision(UUID organization, String email) {
        ShareRequested share = EventFixtures.shareRequested(organization, email);
        KAFKA_CLIENT.send(Topics.SHARE_EVENTS, share.getShareId().toString(), share);
        return ((RecipientProvisioned) KAFKA_CLIENT.eventsUntil(Topics.SHARE_PROVISIONING, share.getShareId().toString(),
                events -> events.stream().anyMatch(RecipientProvisioned.class::isInstance)).get(0)).getUserId();
    }

    private static String randomSecret() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
