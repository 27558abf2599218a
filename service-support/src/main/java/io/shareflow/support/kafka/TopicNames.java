package io.shareflow.support.kafka;

import io.shareflow.schemas.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The names of shareflow's topics, prefix {@code shareflow.topics} (env {@code SHAREFLOW_TOPICS_SHARE_EVENTS}, …),
 * the same settings in every service; the defaults are {@link Topics}. A service uses the names it produces
 * or consumes; listeners name theirs as {@code ${shareflow.topics.share-events}}, which each service's
 * {@code application.yml} sets.
 *
 * @param shareEvents        share-api's events ({@code ShareRequested}, …), key shareId
 * @param shareProvisioning  user-provisioner's answers ({@code RecipientProvisioned}, {@code RecipientRejected}), key shareId
 * @param shareNotifications share-notifier's reports ({@code NotificationSent}, {@code NotificationFailed}), key shareId
 * @param userDirectory      user-provisioner's users, compacted ({@code UserUpserted}, {@code UserActivated}), key userId
 */
@ConfigurationProperties("shareflow.topics")
public record TopicNames(
        @DefaultValue(Topics.SHARE_EVENTS) String shareEvents,
        @DefaultValue(Topics.SHARE_PROVISIONING) String shareProvisioning,
        @DefaultValue(Topics.SHARE_NOTIFICATIONS) String shareNotifications,
        @DefaultValue(Topics.USER_DIRECTORY) String userDirectory) {
}
