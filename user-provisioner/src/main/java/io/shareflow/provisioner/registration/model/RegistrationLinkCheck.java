package io.shareflow.provisioner.registration.model;

import java.time.Duration;
import java.util.Objects;

import io.shareflow.domain.EmailAddress;

/**
 * What a registration link would do if used now, as the registration page shows it before the form is sent.
 *
 * @param state      never null
 * @param email      the address of the link's account while {@link State#USABLE}; null otherwise
 * @param retryAfter how long until the link may be tried again while {@link State#LOCKED_OUT}; null otherwise
 */
public record RegistrationLinkCheck(State state, EmailAddress email, Duration retryAfter) {

    /** The outcomes of a look at a link; each has a page of its own. */
    public enum State {
        /** The form may be sent. */
        USABLE,
        /** No such token (404). */
        UNKNOWN,
        /** Used to register already, or its user has registered (410). */
        USED,
        /** Replaced by a newer link of a re-invite (410). */
        SUPERSEDED,
        /** Past its validity (410). */
        EXPIRED,
        /** Too many failed uses within the window (429). */
        LOCKED_OUT
    }

    public RegistrationLinkCheck {
        Objects.requireNonNull(state, "state");
    }

    public static RegistrationLinkCheck usable(EmailAddress email) {
        return new RegistrationLinkCheck(State.USABLE, Objects.requireNonNull(email, "email"), null);
    }

    public static RegistrationLinkCheck lockedOut(Duration retryAfter) {
        return new RegistrationLinkCheck(State.LOCKED_OUT, null, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    public static RegistrationLinkCheck refused(State state) {
        if (state == State.USABLE || state == State.LOCKED_OUT) {
            throw new IllegalArgumentException("not a refusal without details: " + state);
        }
        return new RegistrationLinkCheck(state, null, null);
    }
}
