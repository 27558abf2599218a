package io.shareflow.api.web;

import java.util.function.Supplier;

import io.shareflow.api.model.Conflict;
import io.shareflow.api.model.InvalidRequest;
import io.shareflow.api.model.NotFound;
import io.shareflow.api.model.RefusedRequest;
import io.shareflow.support.web.ApiException;

/**
 * Turns the domain's refusals into service-support's {@link ApiException}, which its handler renders
 * as the error envelope. The domain itself knows nothing of HTTP.
 */
public final class DomainErrors {

    private DomainErrors() {
    }

    /** Runs a use case, translating its domain exceptions. */
    public static <T> T translated(Supplier<T> useCase) {
        try {
            return useCase.get();
        } catch (InvalidRequest e) {
            throw ApiException.badRequest("Invalid value for " + e.field() + ": " + e.getMessage() + ".", e.field());
        } catch (RefusedRequest e) {
            throw ApiException.unprocessable(e.getMessage(), e.details());
        } catch (NotFound e) {
            throw ApiException.notFound(e.getMessage());
        } catch (Conflict e) {
            throw ApiException.conflict(e.getMessage());
        }
    }
}
