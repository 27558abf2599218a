package io.shareflow.support.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The success of an operation in the OpenAPI document: its status and an example of the request body and of the
 * answer, as JSON (a text block). The document's shared rules ({@link ShareflowOpenApi}) put them on the operation;
 * the body's and the answer's schemas come from the method's signature.
 *
 * <pre>{@code
 * @ApiExample(status = 201, request = """
 *         {"name": "A320 maintenance log.pdf", "kind": "file", "documentType": "maintenance-file"}""",
 *         response = """
 *         {"data": {"id": "3f0c…", "name": "A320 maintenance log.pdf", …}}""")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ApiExample {

    /** The success status: 200, 201, 202 (with a {@code Location} header) or 204 (no body). */
    int status() default 200;

    /** An example request body (JSON); empty when the operation takes none. */
    String request() default "";

    /** An example answer (JSON, the whole envelope); empty only for 204, and for a 202 whose method returns no body. */
    String response() default "";

    /**
     * The type inside {@code {"data": …}} when the method's return type does not say it (a {@code ResponseEntity<?>});
     * {@code Void} = take the schema from the return type.
     */
    Class<?> data() default Void.class;
}
