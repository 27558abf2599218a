package io.shareflow.provisioner.registration.model;

/**
 * Who invited a user, as the registration e-mail names them: the sharer of the share that created the account, or the
 * administrator who re-invited. Untrusted text (the e-mail escapes it).
 *
 * @param name  display name; null when unknown
 * @param email address (the e-mail's Reply-To); null when unknown
 */
public record Inviter(String name, String email) {

    public static Inviter unknown() {
        return new Inviter(null, null);
    }
}
