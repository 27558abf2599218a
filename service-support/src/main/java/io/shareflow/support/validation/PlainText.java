package io.shareflow.support.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.shareflow.domain.Texts;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * User text that ends up in a page, an e-mail or a mail header: at most {@link #max()} characters as a person
 * counts them (code points, unlike {@code @Size}), and no control or line/paragraph separator characters —
 * except newline and tab when {@link #multiline()}; there a CRLF counts as one line break (normalise it before
 * storing) and a lone CR is refused.
 * Null is valid.
 */
@Documented
@Constraint(validatedBy = PlainText.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainText {

    /** The longest text accepted, in code points. */
    int max();

    /** Whether newline and tab are allowed (a message body) or not (a name, a subject). */
    boolean multiline() default false;

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The message names the rule that failed. */
    class Validator implements ConstraintValidator<PlainText, String> {

        private int max;
        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            this.max = annotation.max();
            this.multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String violation = null;
            if (Texts.length(multiline ? value.replace("\r\n", "\n") : value) > max) {
                violation = "must be at most " + max + " characters";
            } else if (Texts.hasControlCharacters(multiline ? value.replace("\r\n", "\n") : value, multiline)) {
                violation = multiline ? "must not contain control characters other than newline and tab"
                        : "must not contain control characters or line breaks";
            }
            if (violation == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(violation).addConstraintViolation();
            return false;
        }
    }
}
