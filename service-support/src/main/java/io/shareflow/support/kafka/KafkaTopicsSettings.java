package io.shareflow.support.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Shape of the topics a service declares ({@code shareflow.kafka.topics.*}), see {@link TopicDeclarations}.
 *
 * @param partitions        partitions of each new topic; default 3; &ge; 1
 * @param replicationFactor replicas of each partition; default 1 (a single broker); &ge; 1
 */
@ConfigurationProperties("shareflow.kafka.topics")
public record KafkaTopicsSettings(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {

    public KafkaTopicsSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("shareflow.kafka.topics.partitions must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("shareflow.kafka.topics.replication-factor must be at least 1");
        }
    }
}
