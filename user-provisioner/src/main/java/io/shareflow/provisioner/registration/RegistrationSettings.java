package io.shareflow.provisioner.registration;

import java.time.Duration;

import io.shareflow.provisioner.attempt.model.AttemptLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registration of users created for share recipients, prefix {@code shareflow.registration}.
 *
 * @param tokenValidity        how long a registration link works after it is issued
 * @param baseUrl              the public base URL of this service: the e-mailed link is {@code {baseUrl}/register/{token}}
 * @param maxFailedAttempts    failed uses of one token (unknown, used, replaced or expired, a refused password) allowed
 *                             within {@code failedAttemptsWindow}; the next use is 429 until the oldest leaves it
 * @param failedAttemptsWindow see {@code maxFailedAttempts}
 * @param signInUrl            the platform's sign-in page, linked from the registration page once the account is
 *                             active ({@code SHAREFLOW_REGISTRATION_SIGN_IN_URL}); unset, the page only says to sign in
 */
@ConfigurationProperties("shareflow.registration")
public record RegistrationSettings(
        @DefaultValue("14d") Duration tokenValidity,
        @DefaultValue("http://localhost:8081") String baseUrl,
        @DefaultValue("10") int maxFailedAttempts,
        @DefaultValue("15m") Duration failedAttemptsWindow,
        String signInUrl) {

    public RegistrationSettings {
        if (tokenValidity.isNegative() || tokenValidity.isZero()) {
            throw new IllegalArgumentException("shareflow.registration.token-validity must be positive");
        }
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("shareflow.registration.base-url must be an http(s) URL");
        }
        attemptLimit(maxFailedAttempts, failedAttemptsWindow);
        signInUrl = signInUrl == null || signInUrl.isBlank() ? null : signInUrl.strip();
        if (signInUrl != null && !signInUrl.startsWith("http://") && !signInUrl.startsWith("https://")) {
            throw new IllegalArgumentException("shareflow.registration.sign-in-url must be an http(s) URL");
        }
    }

    /** The limit on failed uses of one token. */
    public AttemptLimit attemptLimit() {
        return attemptLimit(maxFailedAttempts, failedAttemptsWindow);
    }

    /** The link that registers with {@code token}. */
    public String linkFor(String token) {
        return baseUrl + "/register/" + token;
    }

    private static AttemptLimit attemptLimit(int max, Duration window) {
        try {
            return new AttemptLimit(max, window);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("shareflow.registration.max-failed-attempts / failed-attempts-window: "
                    + e.getMessage(), e);
        }
    }
}
