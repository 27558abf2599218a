package io.shareflow.provisioner.config;

import io.shareflow.provisioner.registration.RegistrationRefusedException;
import io.shareflow.support.web.ApiException;
import io.shareflow.support.web.ErrorEnvelope;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one exception of this service that is not a domain refusal of {@code io.shareflow.domain} (those,
 * and everything else, are service-support's {@code ApiExceptionHandler}'s): a registration link that can
 * no longer be used is 410 {@code Gone}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProvisionerExceptionHandler {

    @ExceptionHandler(RegistrationRefusedException.class)
    ResponseEntity<ErrorEnvelope> registrationRefused(RegistrationRefusedException ex) {
        return render(ApiException.gone(ex.getMessage()));
    }

    private static ResponseEntity<ErrorEnvelope> render(ApiException error) {
        return ResponseEntity.status(error.status()).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorEnvelope.of(error.error()));
    }
}
