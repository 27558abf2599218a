package io.shareflow.api;

import java.time.Duration;
import java.util.UUID;

import io.shareflow.api.support.Caller;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.schemas.SealedFields;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.KafkaTestClient;
import org.apache.avro.specific.SpecificRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one base of share-api's integration tests: the real service on a random port, against the
 * JVM's shared embedded Kafka broker and PostgreSQL (database {@code share_api_it}). All test classes
 * share one application context; tests isolate themselves by using fresh organisations.
 */
@SpringBootTest(classes = ShareApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ShareApiIntegrationSupport {

    protected static final String LINK_BASE = "https://share.example.test";

    /** {@code shareflow.links.sign-in-url}: where the recipient's page sends a person to sign in. */
    protected static final String SIGN_IN_URL = "https://platform.example.test/sign-in";

    /** The key that sealed links before the current one: still in the key list, so it opens, but no longer seals. */
    protected static final String OLD_SEAL_KEY = SealedFields.generateKeyList("it-old");

    /** {@code shareflow.events.seal-key} of the tests: a fresh current key per JVM, then {@link #OLD_SEAL_KEY}. */
    protected static final String SEAL_KEYS = SealedFields.generateKeyList("it-current") + "," + OLD_SEAL_KEY;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    protected HttpTestClient api;

    private static KafkaTestClient kafka;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // The consumed topics belong to other services, which would have created them.
        kafka().createTopics(3, Topics.SHARE_PROVISIONING, Topics.SHARE_NOTIFICATIONS, Topics.USER_DIRECTORY);
        String url = SharedInfrastructure.postgres().createDatabase("share_api_it");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.kafka.bootstrap-servers", ShareApiIntegrationSupport::bootstrapServers);
        registry.add("shareflow.security.jwt.hmac-secret", () -> Caller.SECRET);
        registry.add("shareflow.links.base-url", () -> LINK_BASE);
        registry.add("shareflow.links.sign-in-url", () -> SIGN_IN_URL);
        registry.add("shareflow.events.seal-key", () -> SEAL_KEYS);
        // Poison messages reach the dead-letter topic quickly.
        registry.add("shareflow.kafka.errors.initial-interval", () -> "100ms");
        registry.add("shareflow.kafka.errors.max-attempts", () -> "2");
        // Every test opens links from 127.0.0.1: limits no test reaches (RateLimitIT has its own service).
        registry.add("shareflow.links.rate-limit.per-token", () -> "1000");
        registry.add("shareflow.links.rate-limit.per-address", () -> "1000000");
        // The expiry sweep never runs by itself during the tests (reads see an expiry at once; ExpiryIT sweeps).
        registry.add("shareflow.expiry.sweep-interval", () -> "PT1H");
    }

    @BeforeAll
    static void awaitility() {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(30));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
    }

    @BeforeEach
    void client() {
        api = new HttpTestClient(port);
    }

    protected static String bootstrapServers() {
        return SharedInfrastructure.kafka().bootstrapServers();
    }

    /** The JVM's one Kafka test client, on the shared broker; closed when the JVM ends. */
    protected static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            KafkaTestClient client = new KafkaTestClient(bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(client::close, "kafka-test-client-close"));
            kafka = client;
        }
        return kafka;
    }

    /** Publishes an event as its producing service would (Avro, CloudEvents headers). */
    protected static void publish(String topic, UUID key, SpecificRecord event) {
        kafka().send(topic, key.toString(), event);
    }

    /** Creates a resource through the API and returns its id. */
    protected UUID createResource(Caller caller, String kind, String documentType, UUID assetId, UUID parentId) {
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("name", kind + " " + UUID.randomUUID().toString().substring(0, 6));
        body.put("kind", kind);
        if (documentType != null) {
            body.put("documentType", documentType);
        }
        if (assetId != null) {
            body.put("assetId", assetId.toString());
        }
        if (parentId != null) {
            body.put("parentId", parentId.toString());
        }
        HttpTestClient.Response response = api.post("/v1/resources", caller.token(), body);
        if (response.status() != 201) {
            throw new IllegalStateException("Could not create a resource: " + response);
        }
        return UUID.fromString(response.data().get("id").asString());
    }

    protected UUID createDocument(Caller caller) {
        return createResource(caller, "file", "asset-document", null, null);
    }

    /** The service's key list, as share-notifier would hold it. */
    protected static SealedFields seals() {
        return SealedFields.fromKeyList(SEAL_KEYS);
    }

    /** The bytes of an Avro {@code bytes} field, without moving its position. */
    protected static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    protected long count(String sql, Object... params) {
        var statement = jdbc.sql(sql);
        for (Object param : params) {
            statement = statement.param(param);
        }
        return statement.query(Long.class).single();
    }
}
