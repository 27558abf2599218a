package io.shareflow.notifier;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.embedded.mail.MailCatcher;
import io.shareflow.schemas.SealedFields;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.KafkaTestClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * What the integration tests share, started once per JVM: the embedded broker and PostgreSQL of
 * {@link SharedInfrastructure}, a {@link MailCatcher} on free ports, the topics, a {@link KafkaTestClient}
 * playing share-api, a recorder of everything on the notifications and dead-letter topics, and the key list
 * ({@code shareflow.events.seal-key}) that share-api and the notifier share, one random key {@code test}.
 */
final class TestInfrastructure {

    static final String SHARE_EVENTS = Topics.SHARE_EVENTS;
    static final String NOTIFICATIONS = Topics.SHARE_NOTIFICATIONS;
    static final String DEAD_LETTERS = Topics.deadLetter(Topics.SHARE_EVENTS);
    static final String PROVISIONING = Topics.SHARE_PROVISIONING;
    static final String PROVISIONING_DEAD_LETTERS = Topics.deadLetter(Topics.SHARE_PROVISIONING);

    /** The notifier's {@code shareflow.events.seal-key} in the tests: one key, id {@code test}, new in every JVM. */
    static final String SEAL_KEY_LIST = SealedFields.generateKeyList("test");
    /** What share-api seals links with, and the notifier opens them with. */
    static final SealedFields SEAL_KEYS = SealedFields.fromKeyList(SEAL_KEY_LIST);

    private static final List<ConsumerRecord<String, byte[]>> RECEIVED = new CopyOnWriteArrayList<>();
    private static MailCatcher mail;
    private static KafkaTestClient kafka;

    private TestInfrastructure() {
    }

    static synchronized MailCatcher mail() {
        if (mail == null) {
            mail = MailCatcher.onFreePorts().start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::close, "mail-catcher-shutdown"));
        }
        return mail;
    }

    /** The client publishing share events; the topics exist and the recorder runs once it is returned. */
    static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(SharedInfrastructure.kafka().bootstrapServers());
            kafka.createTopics(3, SHARE_EVENTS, NOTIFICATIONS, DEAD_LETTERS, PROVISIONING, PROVISIONING_DEAD_LETTERS);
            startRecorder(kafka.rawConsumer(NOTIFICATIONS, DEAD_LETTERS, PROVISIONING_DEAD_LETTERS));
        }
        return kafka;
    }

    static String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    static String databaseUrl() {
        return databaseUrl("share_notifier");
    }

    /** Another database on the same server, created if missing, for a notifier started apart from the shared one. */
    static String databaseUrl(String name) {
        return SharedInfrastructure.postgres().createDatabase(name);
    }

    /** Everything that arrived on the notifications or a dead-letter topic so far. */
    static List<ConsumerRecord<String, byte[]>> received(String topic) {
        return RECEIVED.stream().filter(r -> r.topic().equals(topic)).toList();
    }

    private static void startRecorder(KafkaConsumer<String, byte[]> consumer) {
        Thread recorder = new Thread(() -> {
            try (consumer) {
                while (!Thread.currentThread().isInterrupted()) {
                    KafkaTestClient.pollInto(consumer, RECEIVED);
                }
            }
        }, "notifier-it-recorder");
        recorder.setDaemon(true);
        recorder.start();
    }
}
