package io.shareflow.api.status.model;

import java.time.Instant;
import java.util.UUID;

/** The expiry sweep recorded that a share passed its expiry ({@code expiresAt}, never null). */
public record ShareExpired(UUID eventId, Instant occurredAt, UUID shareId, UUID organizationId, Instant expiresAt) {
}
