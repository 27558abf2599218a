package io.shareflow.api.opening;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.shareflow.api.opening.model.TokenBucket;

import org.springframework.stereotype.Component;

/**
 * The rate limits of opening links, per token and per client address, kept in memory per instance (a limit of
 * {@code n} per minute is at most {@code n} per minute per instance): they protect the slow password hash and the
 * database from floods, while the wrong-password lockout, which must hold across instances, is in the database.
 * A bucket unused for a whole period is full again, so forgetting it then loses nothing.
 */
@Component
class OpeningRateLimits {

    private static final String UNKNOWN_ADDRESS = "unknown";

    private final OpeningSettings.RateLimit settings;
    private final Cache<String, TokenBucket> byToken;
    private final Cache<String, TokenBucket> byAddress;

    OpeningRateLimits(OpeningSettings settings) {
        this.settings = settings.rateLimit();
        this.byToken = cache(this.settings);
        this.byAddress = cache(this.settings);
    }

    private static Cache<String, TokenBucket> cache(OpeningSettings.RateLimit settings) {
        return Caffeine.newBuilder()
                .expireAfterAccess(settings.period())
                .maximumSize(settings.maxTrackedKeys())
                .build();
    }

    /**
     * Counts one attempt against the client's address, then against the token.
     *
     * @param tokenKey a key for the token that is not the token (its hash): the token is kept nowhere
     * @param address  the client's address; null = unknown (all such clients share one limit)
     * @return empty when within both limits; else how long until the client may try again
     */
    Optional<Duration> take(String tokenKey, String address, Instant now) {
        String addressKey = address == null || address.isBlank() ? UNKNOWN_ADDRESS : address;
        Optional<Duration> wait = byAddress.get(addressKey,
                key -> new TokenBucket(settings.perAddress(), settings.period(), now)).take(now);
        if (wait.isPresent()) {
            return wait;
        }
        return byToken.get(tokenKey, key -> new TokenBucket(settings.perToken(), settings.period(), now)).take(now);
    }
}
