package io.shareflow.drills;

import java.util.UUID;

/**
 * A share the API accepted (202, or 201 for a link): what the drill then expects of the system.
 *
 * @param position  its place in the stream (the stream's mix is by position; answers come in any order)
 * @param recipient the address it went to (a link's one recipient)
 * @param kind      what sort of share it was, which fixes the e-mails and users it should make
 */
public record Accepted(int position, UUID shareId, Kind kind, String recipient) {

    public enum Kind {
        /** To someone new, with an invitation: an invitation, a registration e-mail, a user. */
        NEW_RECIPIENT,
        /** Another document to a recipient of an earlier share of the stream: an invitation; no new user. */
        AGAIN,
        /** To someone new, {@code notify: false}: a user, no e-mail at all. */
        SILENT,
        /** A link e-mailed to one new address: that e-mail; nobody to provision. */
        LINK
    }

    public boolean link() {
        return kind == Kind.LINK;
    }
}
