package io.shareflow.api.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.shareflow.support.security.JwtTokens;

/** A user with a bearer token, for calling the API in tests. */
public record Caller(UUID userId, UUID organizationId, String email, String name, String token) {

    public static final String SECRET = "share-api-integration-tests-hmac-secret-0123456789";

    /** A user of the organisation with the given roles. */
    public static Caller of(UUID organizationId, String... roles) {
        UUID userId = UUID.randomUUID();
        String email = "user-" + userId.toString().substring(0, 8) + "@producer.example";
        String name = "Pat Producer";
        return new Caller(userId, organizationId, email, name, JwtTokens.signedWith(SECRET).issue(userId, organizationId, email,
                name, List.of(roles), Duration.ofHours(1)));
    }

    /** A user who may share, in a fresh organisation. */
    public static Caller sharer() {
        return of(UUID.randomUUID(), "producer-user");
    }
}
