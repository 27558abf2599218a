package io.shareflow.support.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The error statuses an operation answers besides the ones every operation gets by itself ({@link ShareflowOpenApi}:
 * 400 when it takes parameters or a body, 413 with a body, 401 unless it is {@link ApiPublic}). Each status is
 * documented with the error envelope and an example made from its error code; {@link #examples()} replace the made
 * one for their status (several per status when the operation answers it for different reasons).
 *
 * <pre>{@code
 * @ApiErrors(value = {403, 404, 422}, field = "recipients[1].email", examples =
 *         @ErrorExample(status = 422, message = "Operation not allowed for this entity type.",
 *                 extension = """
 *                         {"entityType": "Document"}"""))
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiErrors {

    /** HTTP statuses, e.g. {@code {403, 404, 409}}; the error code of each is {@code ErrorCodes.forStatus}. */
    int[] value() default {};

    /**
     * The field the made-up 400 example names in {@code extension.field}; empty = the first path variable, else the
     * body's first property.
     */
    String field() default "";

    /** Examples written out, replacing the made-up one of their status. */
    ErrorExample[] examples() default {};
}
