package io.shareflow.notifier.mail;

import java.util.Objects;

/**
 * How one SMTP delivery attempt ended.
 *
 * @param outcome what happened; not null
 * @param reason  for a failure, a one-line description of the last error, without credentials;
 *                null when sent
 */
public record DeliveryResult(Outcome outcome, String reason) {

    public DeliveryResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    public static DeliveryResult sent() {
        return new DeliveryResult(Outcome.SENT, null);
    }

    public static DeliveryResult failed(Outcome outcome, String reason) {
        if (outcome == Outcome.SENT) {
            throw new IllegalArgumentException("A failure needs a failure outcome");
        }
        return new DeliveryResult(outcome, Objects.requireNonNull(reason, "reason"));
    }

    public enum Outcome {
        /** The server accepted the message (250 after DATA). */
        SENT,
        /** Not delivered, and trying again later may work: connection refused or cut before the
         *  message was out, timeouts before it, an SMTP 4xx reply. */
        TRANSIENT,
        /** Not delivered, and trying again will not help: an SMTP 5xx reply, an invalid address. */
        PERMANENT,
        /** The message was handed to the server in full but its answer never came (connection lost,
         *  timeout): it may or may not have been delivered. Sending again could deliver it twice. */
        IN_DOUBT
    }
}
