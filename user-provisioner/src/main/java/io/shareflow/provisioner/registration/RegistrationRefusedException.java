package io.shareflow.provisioner.registration;

/** A registration token that cannot be used; the message is safe to show. */
final class RegistrationRefusedException extends RuntimeException {

    enum Reason {
        UNKNOWN("Registration token not found."),
        USED("This registration link has already been used."),
        EXPIRED("This registration link has expired."),
        ALREADY_REGISTERED("This user has already registered.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    private final Reason reason;

    RegistrationRefusedException(Reason reason) {
        super(reason.message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
