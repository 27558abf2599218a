package io.shareflow.bench.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.shareflow.localstack.DemoData;
import io.shareflow.support.security.JwtTokens;

/**
 * The users the load shares as: members of the demo organisation (Acme Aviation) with the role
 * {@code producer-user}, which may share its documents, each with a bearer token of the stack's
 * ({@code LocalStackSettings.jwtTokens()}) as local-stack's DemoData mints them. Spread over enough of them, no one
 * comes near the per-user sharing limit.
 */
final class Sharers {

    private static final Duration TOKEN_TTL = Duration.ofHours(6);

    record Sharer(UUID userId, String name, String email, String token) {
    }

    private Sharers() {
    }

    /** {@code count} sharers with fixed ids from {@code seed}, so runs share as the same users. */
    static List<Sharer> mint(DemoData demo, JwtTokens tokens, int count, long seed) {
        List<Sharer> sharers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID userId = new UUID(seed, i);
            String email = "sharer" + i + "@acme.example";
            String name = "Bench Sharer " + i;
            sharers.add(new Sharer(userId, name, email, tokens.issue(userId, demo.acmeId(), email, name,
                    List.of("producer-user"), TOKEN_TTL)));
        }
        return List.copyOf(sharers);
    }

    static List<String> tokens(List<Sharer> sharers) {
        return sharers.stream().map(Sharer::token).toList();
    }
}
