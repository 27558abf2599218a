package io.shareflow.notifier;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shareflow.schemas.Topics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A notifier started apart from the integration tests' shared Spring context, for a test that restarts it or
 * starts it with other keys: its own database, topics (share events, provisioning, notifications) and consumer group
 * (named after {@code name}), the tests'
 * Kafka, PostgreSQL and SMTP server, and retries that outlast a test (40 attempts, at most 0.5 s apart).
 */
final class SeparateNotifier {

    private final String name;

    SeparateNotifier(String name) {
        this.name = name;
    }

    String shareEvents() {
        return name + "." + Topics.SHARE_EVENTS;
    }

    String shareNotifications() {
        return name + "." + Topics.SHARE_NOTIFICATIONS;
    }

    String shareProvisioning() {
        return name + "." + Topics.SHARE_PROVISIONING;
    }

    /** Creates its topics, so that events can be published before it runs. */
    SeparateNotifier withTopics() {
        TestInfrastructure.kafka().createTopics(3, shareEvents(), shareNotifications(), Topics.deadLetter(shareEvents()),
                shareProvisioning(), Topics.deadLetter(shareProvisioning()));
        return this;
    }

    /** @param sealKeyList {@code shareflow.events.seal-key}; null to leave it unset */
    ConfigurableApplicationContext start(String sealKeyList) {
        return start(sealKeyList, Map.of());
    }

    /**
     * @param sealKeyList {@code shareflow.events.seal-key}; null to leave it unset
     * @param overrides   properties set instead of (or besides) the ones above, e.g. another SMTP port
     */
    ConfigurableApplicationContext start(String sealKeyList, Map<String, String> overrides) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", "0");
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.bootstrapServers());
        properties.put("spring.kafka.consumer.group-id", "share-notifier-" + name);
        properties.put("spring.datasource.url", TestInfrastructure.databaseUrl("share_notifier_" + name));
        properties.put("spring.mail.host", "localhost");
        properties.put("spring.mail.port", TestInfrastructure.mail().smtpPort());
        properties.put("spring.mail.properties.mail.smtp.connectiontimeout", "2000");
        properties.put("spring.mail.properties.mail.smtp.timeout", "5000");
        properties.put("shareflow.topics.share-events", shareEvents());
        properties.put("shareflow.topics.share-notifications", shareNotifications());
        properties.put("shareflow.topics.share-provisioning", shareProvisioning());
        properties.put("shareflow.notifier.retry.max-attempts", "40");
        properties.put("shareflow.notifier.retry.initial-backoff", "200ms");
        properties.put("shareflow.notifier.retry.max-backoff", "500ms");
        properties.put("shareflow.notifier.dispatch.poll-interval", "100ms");
        properties.put("shareflow.security.jwt.hmac-secret", NotifierIntegrationSupport.JWT_SECRET);
        if (sealKeyList != null) {
            properties.put("shareflow.events.seal-key", sealKeyList);
        }
        properties.putAll(overrides);
        // As command-line arguments: they outrank application.yml (default properties would not).
        String[] args = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        // Without Boot's logging listener: starting and closing this one in the JVM of the other ITs must not configure
        // logback again under their running notifier (its log masking, the bridge of java.util.logging).
        SpringApplication application = new SpringApplicationBuilder(ShareNotifierApplication.class).build();
        application.setListeners(application.getListeners().stream()
                .filter(listener -> !(listener instanceof LoggingApplicationListener)).toList());
        return application.run(args);
    }
}
