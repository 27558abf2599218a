package io.shareflow.api.status;

import java.time.Instant;
import java.util.UUID;

import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.Provisioning;
import io.shareflow.api.status.model.ShareStatus;

/**
 * One change of a share's state and what caused it, e.g. {@code RecipientProvisioned(USER_CREATED)}.
 *
 * @param by the user who asked for the change (a change, revoke or re-send); null for what other services reported
 *           and for the expiry sweep
 */
public record HistoryEntry(ShareStatus status, Provisioning provisioning, Notification notification, Instant at,
                           String cause, UUID by) {
}
