package io.shareflow.provisioner.authentication;

import java.time.Duration;

import io.shareflow.provisioner.attempt.model.AttemptLimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Checking passwords for the platform's sign-in, prefix {@code shareflow.authentication}.
 *
 * @param maxFailedAttempts    failed checks for one e-mail address (wrong password, unknown address, not registered)
 *                             allowed within {@code failedAttemptsWindow}; the next check is 429 until the oldest
 *                             leaves the window, whatever the password
 * @param failedAttemptsWindow see {@code maxFailedAttempts}
 */
@ConfigurationProperties("shareflow.authentication")
public record AuthenticationSettings(
        @DefaultValue("10") int maxFailedAttempts,
        @DefaultValue("15m") Duration failedAttemptsWindow) {

    public AuthenticationSettings {
        attemptLimit(maxFailedAttempts, failedAttemptsWindow);
    }

    AttemptLimit attemptLimit() {
        return attemptLimit(maxFailedAttempts, failedAttemptsWindow);
    }

    private static AttemptLimit attemptLimit(int max, Duration window) {
        try {
            return new AttemptLimit(max, window);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("shareflow.authentication.max-failed-attempts / failed-attempts-window: "
                    + e.getMessage(), e);
        }
    }
}
