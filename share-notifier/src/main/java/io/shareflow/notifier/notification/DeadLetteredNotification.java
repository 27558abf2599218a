package io.shareflow.notifier.notification;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A share event that asked for e-mail and was dead-lettered (its handling failed for its own reasons after the
 * retries): nothing was sent and nothing will be, so each recipient's notification is reported failed.
 *
 * @param eventId    the dead-lettered event's id
 * @param shareId    the share (a link's {@code linkId})
 * @param recipients the addresses it would have e-mailed, one report each
 * @param reason     why it was dead-lettered, for the report
 */
record DeadLetteredNotification(UUID eventId, UUID shareId, List<String> recipients, String reason) {

    DeadLetteredNotification {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(shareId, "shareId");
        // One report per address, as the send log folds addresses that differ only in case.
        Set<String> seen = new HashSet<>();
        recipients = recipients.stream().filter(Objects::nonNull)
                .filter(recipient -> seen.add(recipient.strip().toLowerCase(Locale.ROOT))).toList();
        Objects.requireNonNull(reason, "reason");
    }
}
