package io.shareflow.api.status;

import java.time.Instant;

import io.shareflow.api.status.model.Notification;
import io.shareflow.api.status.model.Provisioning;
import io.shareflow.api.status.model.ShareStatus;

/** One change of a share's state and what caused it, e.g. {@code RecipientProvisioned(USER_CREATED)}. */
public record HistoryEntry(ShareStatus status, Provisioning provisioning, Notification notification, Instant at,
                           String cause) {
}
