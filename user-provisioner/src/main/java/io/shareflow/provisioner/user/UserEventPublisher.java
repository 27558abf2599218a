package io.shareflow.provisioner.user;

import java.time.Clock;
import java.util.UUID;

import io.shareflow.events.UserActivated;
import io.shareflow.events.UserUpserted;
import io.shareflow.outbox.OutboxWriter;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.support.kafka.TopicNames;

import org.springframework.stereotype.Component;

/**
 * Publishes user changes to the compacted user directory topic (key = userId) through the outbox,
 * in the caller's transaction. Every change of a user ends with a {@code UserUpserted} carrying its
 * whole state, so the compacted topic always keeps the latest state of every user.
 */
@Component
public class UserEventPublisher {

    private static final String AGGREGATE = "user";

    private final OutboxWriter outbox;
    private final TopicNames topics;
    private final Clock clock;

    UserEventPublisher(OutboxWriter outbox, TopicNames topics, Clock clock) {
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
    }

    /** A user was created or changed. */
    public void upserted(User user) {
        outbox.append(topics.userDirectory(), AGGREGATE, user.id().toString(), UserUpserted.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setUserId(user.id())
                .setOrganizationId(user.organizationId())
                .setEmail(user.email().value())
                .setDisplayName(user.displayName())
                .setStatus(user.status().name())
                .build());
    }

    /** A deactivated user registered; publishes {@code UserActivated} followed by {@code UserUpserted}. */
    public void activated(User user) {
        outbox.append(topics.userDirectory(), AGGREGATE, user.id().toString(), UserActivated.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(clock.instant())
                .setUserId(user.id())
                .setOrganizationId(user.organizationId())
                .setEmail(user.email().value())
                .setDisplayName(user.displayName())
                .build());
        upserted(user);
    }
}
