package io.shareflow.support.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.shareflow.schemas.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Builds the {@link NewTopic}s a service owns, for Spring Kafka's {@link KafkaAdmin} to create at start-up when
 * they are missing. Services do not use it directly: they list their topics in {@link KafkaTopicsSettings} and
 * {@code ShareflowKafkaAutoConfiguration} declares them with {@link #declared()}. All arguments are not null.
 */
public final class TopicDeclarations {

    private final KafkaTopicsSettings settings;

    /** @param settings partitions and replication of the declared topics */
    public TopicDeclarations(KafkaTopicsSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A topic with the configured partitions and replication factor. */
    public NewTopic topic(String name) {
        return topic(name, settings.partitions(), settings.replicationFactor());
    }

    /** A log-compacted topic (latest record per key kept), e.g. {@code user.directory.v1}. */
    public NewTopic compactedTopic(String name) {
        return TopicBuilder.name(name).partitions(settings.partitions()).replicas(settings.replicationFactor())
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }

    /**
     * The dead-letter topic {@code <consumedTopic>.dlt}. Never compacted, even for a compacted source: every
     * failed record must stay. Its partition count need not match the source's (the recoverer lets Kafka
     * pick the partition).
     */
    public NewTopic deadLetterTopic(String consumedTopic) {
        return topic(Topics.deadLetter(consumedTopic));
    }

    /** A topic with explicit partitions and replication factor, both &ge; 1. */
    public static NewTopic topic(String name, int partitions, short replicationFactor) {
        Objects.requireNonNull(name, "name");
        return TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor).build();
    }

    /** Every topic of the settings: the produced ones, the compacted ones, the dead-letter topics of the consumed ones. */
    public KafkaAdmin.NewTopics declared() {
        List<NewTopic> topics = new ArrayList<>();
        settings.produced().forEach(name -> topics.add(topic(name)));
        settings.compacted().forEach(name -> topics.add(compactedTopic(name)));
        settings.consumed().forEach(name -> topics.add(deadLetterTopic(name)));
        return all(topics.toArray(NewTopic[]::new));
    }

    /** Several topics as one bean. */
    public static KafkaAdmin.NewTopics all(NewTopic... topics) {
        return new KafkaAdmin.NewTopics(topics);
    }
}
