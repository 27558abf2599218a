package io.shareflow.api.directory;

import io.shareflow.events.UserActivated;
import io.shareflow.events.UserUpserted;
import io.shareflow.support.tracing.LogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** user-provisioner's user directory, replicated for the synchronous organisation check. */
@Component
@KafkaListener(id = "share-api-directory", idIsGroup = false, topics = "${shareflow.topics.user-directory}")
class DirectoryListener {

    private static final Logger log = LoggerFactory.getLogger(DirectoryListener.class);

    private final DirectoryReplica replica;

    DirectoryListener(DirectoryReplica replica) {
        this.replica = replica;
    }

    @KafkaHandler
    void on(UserUpserted event) {
        try (var logContext = LogContext.user(event.getUserId())) {
            replica.apply(new DirectoryUser(event.getUserId(), event.getOrganizationId(), event.getEmail(),
                    event.getDisplayName(), event.getStatus()), event.getOccurredAt());
        }
    }

    @KafkaHandler
    void on(UserActivated event) {
        try (var logContext = LogContext.user(event.getUserId())) {
            replica.apply(new DirectoryUser(event.getUserId(), event.getOrganizationId(), event.getEmail(),
                    event.getDisplayName(), "ACTIVE"), event.getOccurredAt());
        }
    }

    /** Other event types, and tombstones of the compacted topic, change nothing here. */
    @KafkaHandler(isDefault = true)
    void other(Object event) {
        log.debug("Ignoring {}", event.getClass().getSimpleName());
    }
}
