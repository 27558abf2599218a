package io.shareflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

class ApiExceptionTest {

    @Test
    void factoriesPairStatusAndErrorCodeAsTheContractSays() {
        assertCode(ApiException.badRequest("m", "recipients[0].email"), 400, "BadRequest");
        assertCode(ApiException.badRequest("m"), 400, "BadRequest");
        assertCode(ApiException.unauthorized("m"), 401, "Unauthorized");
        assertCode(ApiException.noPermission("m"), 403, "NoPermission");
        assertCode(ApiException.notFound("m"), 404, "NotFound");
        assertCode(ApiException.conflict("m"), 409, "Conflict");
        assertCode(ApiException.gone("m"), 410, "Gone");
        assertCode(ApiException.payloadTooLarge("m"), 413, "PayloadTooLarge");
        assertCode(ApiException.unprocessable("m", Map.of("entityType", "Document")), 422, "UnprocessableEntity");
        assertCode(ApiException.tooManyRequests("m"), 429, "TooManyRequests");
        assertCode(ApiException.serviceUnavailable("m"), 503, "ServiceUnavailable");
    }

    @Test
    void badRequestNamesTheFieldAndUnprocessableKeepsItsExtension() {
        assertThat(ApiException.badRequest("too many", "recipients").error().extension()).containsExactly(Map.entry("field", "recipients"));
        assertThat(ApiException.badRequest("bad").error().extension()).isEmpty();
        assertThat(ApiException.unprocessable("m", Map.of("recipientEmail", "a@example.com")).error().extension())
                .containsEntry("recipientEmail", "a@example.com");
        assertThat(ApiException.unprocessable("m", null).error().extension()).isEmpty();
    }

    @Test
    void tooManyRequestsMayCarryRetryAfter() {
        ApiException ex = ApiException.tooManyRequests("slow down", Duration.ofMinutes(15));

        assertThat(ex.retryAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(ex.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(ex.getMessage()).isEqualTo("slow down");
    }

    @Test
    void everyStatusHasACode() {
        assertThat(ErrorCodes.forStatus(405)).isEqualTo("MethodNotAllowed");
        assertThat(ErrorCodes.forStatus(415)).isEqualTo("UnsupportedMediaType");
        assertThat(ErrorCodes.forStatus(418)).isEqualTo("BadRequest");
        assertThat(ErrorCodes.forStatus(502)).isEqualTo("InternalServerError");
    }

    private static void assertCode(ApiException ex, int status, String code) {
        assertThat(ex.status().value()).isEqualTo(status);
        assertThat(ex.error().errorCode()).isEqualTo(code);
        assertThat(ex.error().message()).isEqualTo("m");
    }
}
