package io.shareflow.notifier.mail;

import java.time.Instant;

/** Invitations for tests, with fixed values so failures are easy to read; {@link #LINK} is the link to render them with. */
public final class InvitationFixtures {

    public static final String LINK = "http://localhost:8080/s/q3Zk1fVwS0m5yY2b7Jx9Ag";

    private InvitationFixtures() {
    }

    public static Invitation anInvitation() {
        return new Invitation("Ada Sharer", "ada@example.com", "Pump P-101 manual.pdf", "file", "downloader",
                null, "Hi Bob,\nhere it is.", Instant.parse("2027-01-31T00:00:00Z"));
    }

    public static Invitation withSubject(String subject) {
        Invitation i = anInvitation();
        return new Invitation(i.sharerName(), i.sharerEmail(), i.resourceName(), i.resourceKind(), i.role(), subject,
                i.message(), i.expiresAt());
    }

    public static Invitation withMessage(String message) {
        Invitation i = anInvitation();
        return new Invitation(i.sharerName(), i.sharerEmail(), i.resourceName(), i.resourceKind(), i.role(), i.subject(),
                message, i.expiresAt());
    }

    public static Invitation withNames(String sharerName, String resourceName) {
        Invitation i = anInvitation();
        return new Invitation(sharerName, i.sharerEmail(), resourceName, i.resourceKind(), i.role(), i.subject(),
                i.message(), i.expiresAt());
    }

    public static Invitation withExpiry(Instant expiresAt) {
        Invitation i = anInvitation();
        return new Invitation(i.sharerName(), i.sharerEmail(), i.resourceName(), i.resourceKind(), i.role(), i.subject(),
                i.message(), expiresAt);
    }
}
