package io.shareflow.api.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Kafka topics of share-api, prefix {@code shareflow.topics}; defaults are {@code io.shareflow.schemas.Topics}.
 * Partitions and replication of the topics it creates are service-support's {@code shareflow.kafka.topics.*}.
 *
 * @param shareEvents        produced (ShareRequested, ...)
 * @param shareProvisioning  consumed (RecipientProvisioned, RecipientRejected)
 * @param shareNotifications consumed (NotificationSent, NotificationFailed)
 * @param userDirectory      consumed (UserUpserted, UserActivated)
 */
@ConfigurationProperties("shareflow.topics")
public record TopicSettings(
        @DefaultValue("share.events.v1") String shareEvents,
        @DefaultValue("share.provisioning.v1") String shareProvisioning,
        @DefaultValue("share.notifications.v1") String shareNotifications,
        @DefaultValue("user.directory.v1") String userDirectory) {
}
