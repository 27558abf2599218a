package io.shareflow.provisioner.registration;

/**
 * A registration token that exists but can no longer be used (HTTP 410, {@code ProvisionerExceptionHandler});
 * the message is safe to show. An unknown token is a {@link io.shareflow.domain.NotFound}.
 */
public final class RegistrationRefusedException extends RuntimeException {

    enum Reason {
        USED("This registration link has already been used."),
        EXPIRED("This registration link has expired."),
        ALREADY_REGISTERED("This user has already registered.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }
    }

    RegistrationRefusedException(Reason reason) {
        super(reason.message, null, false, false);
    }
}
