package io.shareflow.api.opening;

import java.time.Duration;
import java.util.Objects;

/** What {@link LinkOpener#open(OpenAttempt)} answers: the share opened, or why not. */
public sealed interface Opening permits Opening.Opened, Opening.Refused {

    /**
     * The share opened; {@code share} not null.
     *
     * @param passwordVersion a password link's {@link LinkPasswords#version}: what a proof of its password is bound
     *                        to (the page's cookie), so that a changed password ends every proof of the old one; null
     *                        for other links
     */
    record Opened(OpenedShare share, String passwordVersion) implements Opening {
        public Opened {
            Objects.requireNonNull(share, "share");
        }
    }

    /**
     * The share did not open.
     *
     * @param refusal    not null
     * @param detail     more for the person, e.g. why a share was {@link Refusal#REJECTED} (the provisioner's reason,
     *                   safe to show); null when there is nothing to add
     * @param askWhom    whom to ask for access: the sharer, for {@link Refusal#OUTSIDE_AUDIENCE}; null otherwise
     * @param retryAfter when to try again, for {@link Refusal#LOCKED_OUT} and {@link Refusal#RATE_LIMITED} (at
     *                   least one second); null otherwise
     */
    record Refused(Refusal refusal, String detail, SharedBy askWhom, Duration retryAfter) implements Opening {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
        }

        /** A refusal with nothing to add. */
        public static Refused of(Refusal refusal) {
            return new Refused(refusal, null, null, null);
        }
    }
}
