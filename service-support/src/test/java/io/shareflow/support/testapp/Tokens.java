package io.shareflow.support.testapp;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.shareflow.support.security.JwtTokens;

/** Test fixtures: tokens the test application accepts (its secret, issuer and audience). */
public final class Tokens {

    public static final UUID USER = UUID.fromString("6f1c6a56-8a3c-4f0b-9d6e-2b7d0c1e5a11");
    public static final UUID ORG = UUID.fromString("0b7f2a7e-3f4d-4c8a-a1b2-c3d4e5f60718");
    public static final JwtTokens ACCEPTED = JwtTokens.signedWith(TestApplication.SECRET)
            .issuedBy(TestApplication.ISSUER, TestApplication.AUDIENCE);

    private Tokens() {
    }

    public static String withRoles(String... roles) {
        return ACCEPTED.issue(USER, ORG, "ada@example.com", "Ada Lovelace", List.of(roles), Duration.ofMinutes(5));
    }
}
