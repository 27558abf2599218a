package io.shareflow.api.share;

import java.util.UUID;

import io.shareflow.api.status.model.Notification;

/**
 * One recipient of a link as stored, with the state of the e-mail to them.
 *
 * @param userId null when only an address was given
 */
record LinkRecipientState(String email, UUID userId, Notification notification) {
}
