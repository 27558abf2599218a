package io.shareflow.provisioner.attempt.model;

import java.util.Locale;

/** What a limit of failed attempts guards; the lower-case name is the stored {@code kind}. */
public enum AttemptKind {
    /** Using one registration token ({@code POST /v1/registrations/{token}}), keyed by the token's hash. */
    REGISTRATION,
    /** Checking a password for one e-mail address ({@code POST /v1/authentications}), keyed by the address's hash. */
    AUTHENTICATION;

    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }
}
