package io.shareflow.api.directory;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the local copy of the user directory. Idempotent by construction (an upsert where the
 * newest {@code occurredAt} wins), so it needs no processed-event log: replaying the compacted
 * topic from the start just rewrites the same rows.
 */
@Component
class DirectoryReplica {

    private static final Logger log = LoggerFactory.getLogger(DirectoryReplica.class);

    private final DirectoryUsers users;

    DirectoryReplica(DirectoryUsers users) {
        this.users = users;
    }

    @Transactional
    public void apply(DirectoryUser user, Instant occurredAt) {
        if (!users.upsert(user, occurredAt)) {
            log.debug("User {}: a newer state is stored already", user.userId());
        }
    }
}
