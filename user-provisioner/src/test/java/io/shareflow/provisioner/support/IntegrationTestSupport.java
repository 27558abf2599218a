package io.shareflow.provisioner.support;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.shareflow.embedded.KraftBroker;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.events.RegistrationLinkIssued;
import io.shareflow.schemas.SealContexts;
import io.shareflow.schemas.SealedFields;
import io.shareflow.schemas.Topics;
import io.shareflow.support.security.JwtTokens;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.KafkaTestClient;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of every {@code *IT}: the whole service on a random port against the JVM's shared embedded
 * PostgreSQL (database {@code user_provisioner_it}) and KRaft broker. All subclasses share one Spring
 * context (same configuration), so the service starts once per test run; tests isolate themselves by
 * fresh organisations and e-mail addresses instead of cleaning up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTestSupport {

    protected static final String HMAC_SECRET = "integration-tests-hmac-secret-of-at-least-32-bytes";
    /** {@code shareflow.events.seal-key} of the tests: one random key per JVM, as share-notifier would hold it too. */
    protected static final String SEAL_KEY_LIST = SealedFields.generateKeyList("it");
    /** Opens the registration links the service seals, as share-notifier does. */
    protected static final SealedFields SEALS = SealedFields.fromKeyList(SEAL_KEY_LIST);

    /** {@code shareflow.registration.sign-in-url} of the tests: the registration page's success page links to it. */
    protected static final String SIGN_IN_URL = "https://sign-in.example.test/sign-in";

    protected static final KraftBroker KAFKA = SharedInfrastructure.kafka();
    protected static final PostgresServer POSTGRES = SharedInfrastructure.postgres();
    protected static final String DATABASE = "user_provisioner_it";
    protected static final KafkaTestClient KAFKA_CLIENT = new KafkaTestClient(KAFKA.bootstrapServers());

    static {
        // share-api owns share.events.v1; here it must exist before the listener subscribes.
        KAFKA_CLIENT.createTopics(3, Topics.SHARE_EVENTS);
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String jdbcUrl = POSTGRES.createDatabase(DATABASE);
        registry.add("spring.datasource.url", () -> jdbcUrl);
        registry.add("spring.datasource.username", () -> PostgresServer.USER);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
        registry.add("shareflow.security.jwt.hmac-secret", () -> HMAC_SECRET);
        registry.add("shareflow.events.seal-key", () -> SEAL_KEY_LIST);
        registry.add("shareflow.kafka.errors.initial-interval", () -> "100ms");
        registry.add("shareflow.kafka.errors.max-attempts", () -> "2");
        registry.add("shareflow.registration.sign-in-url", () -> SIGN_IN_URL);
    }

    @LocalServerPort
    private int port;

    protected HttpTestClient http;

    @BeforeEach
    void httpClient() {
        http = new HttpTestClient(port);
    }

    /** A platform operator ({@code admin}) of some organisation. */
    protected static String adminToken() {
        return token(UUID.randomUUID(), "admin");
    }

    /** A caller of {@code organizationId} with the given roles. */
    protected static String token(UUID organizationId, String... roles) {
        return JwtTokens.signedWith(HMAC_SECRET).issue(UUID.randomUUID(), organizationId, "caller@shareflow.test", "Test Caller",
                List.of(roles), Duration.ofHours(1));
    }

    /** The registration links issued to the user so far, in order, once {@code done} holds for them. */
    protected static List<RegistrationLinkIssued> registrationLinks(UUID userId,
                                                                   Predicate<List<RegistrationLinkIssued>> done) {
        return KAFKA_CLIENT.eventsUntil(Topics.SHARE_PROVISIONING, userId.toString(),
                        events -> done.test(linksIn(events))).stream()
                .filter(RegistrationLinkIssued.class::isInstance).map(RegistrationLinkIssued.class::cast).toList();
    }

    private static List<RegistrationLinkIssued> linksIn(List<org.apache.avro.specific.SpecificRecord> events) {
        return events.stream().filter(RegistrationLinkIssued.class::isInstance).map(RegistrationLinkIssued.class::cast)
                .toList();
    }

    /** The link of the event, opened as share-notifier opens it. */
    protected static String linkOf(RegistrationLinkIssued event) {
        ByteBuffer sealed = event.getSealedRegistrationLink().duplicate();
        byte[] bytes = new byte[sealed.remaining()];
        sealed.get(bytes);
        return SEALS.open(bytes, SealContexts.registrationLink(event.getUserId()));
    }

    /** The token of the event's link ({@code …/register/{token}}). */
    protected static String tokenOf(RegistrationLinkIssued event) {
        String link = linkOf(event);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    protected UUID createOrganization(String name) {
        HttpTestClient.Response response = http.post("/v1/organizations", adminToken(), Map.of("name", name));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.data().path("id").asString());
    }

    protected UUID createUser(UUID organizationId, String email) {
        HttpTestClient.Response response = http.post("/v1/users", adminToken(),
                Map.of("email", email, "displayName", "User " + email, "organizationId", organizationId.toString()));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.data().path("id").asString());
    }
}
