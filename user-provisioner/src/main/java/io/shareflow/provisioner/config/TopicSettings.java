package io.shareflow.provisioner.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka topic names of user-provisioner, prefix {@code shareflow.topics}. Defaults are the names of
 * {@link io.shareflow.schemas.Topics}. Partitions and replication of the topics it creates are
 * {@code shareflow.kafka.topics.*} (service-support).
 *
 * @param shareEvents       consumed: share-api's events ({@code ShareRequested})
 * @param shareProvisioning produced: {@code RecipientProvisioned}, {@code RecipientRejected}, key shareId
 * @param userDirectory     produced, compacted: {@code UserUpserted}, {@code UserActivated}, key userId
 */
@ConfigurationProperties("shareflow.topics")
public record TopicSettings(
        @DefaultValue("share.events.v1") String shareEvents,
        @DefaultValue("share.provisioning.v1") String shareProvisioning,
        @DefaultValue("user.directory.v1") String userDirectory) {
}
