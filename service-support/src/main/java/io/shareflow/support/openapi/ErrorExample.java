package io.shareflow.support.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** One error answer written out for {@link ApiErrors#examples()}: the envelope is made from these. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface ErrorExample {

    /** The HTTP status; its error code is {@code ErrorCodes.forStatus(status)}. */
    int status();

    /** The {@code message}. */
    String message();

    /** The {@code extension} as a JSON object. */
    String extension() default "{}";

    /** The example's name in the document (several examples of one status need different names). */
    String name() default "";
}
