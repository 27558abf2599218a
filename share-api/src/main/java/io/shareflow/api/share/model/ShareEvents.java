package io.shareflow.api.share.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The facts of managing a share, as the share domain states them (turned into Avro at the edge). */
public final class ShareEvents {

    private ShareEvents() {
    }

    /** Why a share was revoked, lower case as in {@code ShareRevoked.cause}. */
    public enum RevokeCause {
        USER("user"), RESOURCE_DELETED("resource-deleted");

        private final String value;

        RevokeCause(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /**
     * A share was changed.
     *
     * @param expiresAt after the change; null = never
     * @param audience  a link's after the change; null for a direct share
     * @param changes   what changed: {@code role, expiresAt, password, audience}
     */
    public record Updated(UUID eventId, Instant occurredAt, UUID shareId, UUID organizationId, Role role,
                          Instant expiresAt, UUID updatedBy, List<String> changes, Audience audience) {
    }

    /** A share was revoked, by a user or because its resource was deleted ({@code revokedBy}: who deleted it). */
    public record Revoked(UUID eventId, Instant occurredAt, UUID shareId, UUID organizationId, UUID revokedBy,
                          RevokeCause cause) {
    }

    /**
     * The invitation of a share is to be sent again, re-send number {@code attempt}: a direct share's to its
     * recipient, a link's to one of its recipients ({@code audience} set).
     *
     * @param audience   a link's; null for a direct share
     * @param sealedLink the share's URL, sealed with the share id as context, as stored
     */
    public record NotificationRequested(UUID eventId, Instant occurredAt, UUID shareId, UUID organizationId,
                                        int attempt, String resourceName, String resourceKind, String sharerName,
                                        String sharerEmail, String recipientEmail, Role role, String subject,
                                        String message, Instant expiresAt, Audience audience, String linkName,
                                        byte[] sealedLink) {

        @Override
        public String toString() {
            return "NotificationRequested[eventId=" + eventId + ", shareId=" + shareId + ", attempt=" + attempt + "]";
        }
    }
}
