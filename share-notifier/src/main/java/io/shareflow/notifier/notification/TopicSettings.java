package io.shareflow.notifier.notification;

import io.shareflow.schemas.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Topic names, prefix {@code shareflow.notifier.topics}. Partitions and replication of the topics
 * this service creates are service-support's {@code shareflow.kafka.topics.*}.
 *
 * @param shareEvents   consumed: ShareRequested and ShareNotificationRequested (others are skipped)
 * @param notifications produced (through the outbox): NotificationSent and NotificationFailed
 */
@ConfigurationProperties("shareflow.notifier.topics")
public record TopicSettings(
        @DefaultValue(Topics.SHARE_EVENTS) String shareEvents,
        @DefaultValue(Topics.SHARE_NOTIFICATIONS) String notifications) {
}
