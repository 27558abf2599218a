package io.shareflow.support.kafka;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics a service creates at start-up when they are missing ({@code shareflow.kafka.topics.*}); brokers
 * here do not auto-create topics. A service only configures them, typically with placeholders of
 * {@link TopicNames}:
 *
 * <pre>{@code
 * shareflow.kafka.topics:
 *   produced: ${shareflow.topics.share-events}
 *   consumed: ${shareflow.topics.share-provisioning}, ${shareflow.topics.user-directory}
 * }</pre>
 *
 * @param partitions        partitions of each new topic; default 3; &ge; 1
 * @param replicationFactor replicas of each partition; default 1 (a single broker); &ge; 1
 * @param produced          topics the service produces; created as they are
 * @param compacted         topics the service produces that are log-compacted (latest record per key kept)
 * @param consumed          topics the service consumes: their dead-letter topics {@code <topic>.dlt} are created
 *                          (the consumed topics themselves belong to their producers)
 */
@ConfigurationProperties("shareflow.kafka.topics")
public record KafkaTopicsSettings(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor,
                                  @DefaultValue List<String> produced, @DefaultValue List<String> compacted,
                                  @DefaultValue List<String> consumed) {

    /** The constructor the settings are bound with (the record has a second, shorter one). */
    @ConstructorBinding
    public KafkaTopicsSettings {
        if (partitions < 1) {
            throw new IllegalArgumentException("shareflow.kafka.topics.partitions must be at least 1");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("shareflow.kafka.topics.replication-factor must be at least 1");
        }
        produced = names(produced);
        compacted = names(compacted);
        consumed = names(consumed);
    }

    /** Only the shape: no topics declared. */
    public KafkaTopicsSettings(int partitions, short replicationFactor) {
        this(partitions, replicationFactor, List.of(), List.of(), List.of());
    }

    private static List<String> names(List<String> names) {
        return names == null ? List.of() : names.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
