package io.shareflow.api.opening;

import org.springframework.stereotype.Service;

/**
 * Opens any share by its link, for the REST API and the recipient's page alike: every outcome of DESIGN.md
 * "Opening a share". Each attempt that names a share is recorded in its activity in the same transaction; a
 * successful one publishes {@code ShareOpened}.
 */
@Service
public class LinkOpener {

    /** At most this many items of a folder or collection are listed. */
    public static final int MAX_ITEMS = 200;

    /**
     * @param attempt not null
     * @return never null; never throws for anything the attempt holds (a malformed token is {@link Refusal#UNKNOWN_TOKEN})
     */
    public Opening open(OpenAttempt attempt) {
        // Built next; the contract is fixed.
        return Opening.Refused.of(Refusal.UNKNOWN_TOKEN);
    }
}
