package io.shareflow.api.share;

import java.util.UUID;

import io.shareflow.api.share.model.ShareType;
import io.shareflow.api.status.model.ShareStatus;

/**
 * Criteria of the share list; every one may be null (= any). {@code recipientEmail} is compared case-insensitively
 * (a direct share's recipient; links have none).
 */
record ShareFilter(UUID resourceId, ShareStatus status, String recipientEmail, ShareType type) {
}
