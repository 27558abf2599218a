package io.shareflow.api.share;

import java.util.UUID;

import io.shareflow.api.status.model.ShareStatus;

/** Criteria of the share list; every one may be null (= any). {@code recipientEmail} is compared case-insensitively. */
record ShareFilter(UUID resourceId, ShareStatus status, String recipientEmail) {
}
