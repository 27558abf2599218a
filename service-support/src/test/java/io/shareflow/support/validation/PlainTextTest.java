package io.shareflow.support.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link PlainText} with a real Bean Validation provider. */
class PlainTextTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private static final String TOO_LONG = "must be at most 5 characters";
    private static final String SINGLE_LINE = "must not contain control characters or line breaks";
    private static final String MULTILINE = "must not contain control characters other than newline and tab";

    record Name(@PlainText(max = 5) String value) {
    }

    record Body(@PlainText(max = 5, multiline = true) String value) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void nullIsValid() {
        assertThat(VALIDATOR.validate(new Name(null))).isEmpty();
        assertThat(VALIDATOR.validate(new Body(null))).isEmpty();
    }

    @Test
    void maxCountsCodePointsSoAnEmojiCountsOne() {
        assertThat("abcd😀").hasSize(6);
        assertThat(messages(new Name("abcd😀"))).isEmpty();
        assertThat(messages(new Name("héllo"))).isEmpty();
        assertThat(messages(new Name("abcde😀"))).containsExactly(TOO_LONG);
        assertThat(messages(new Name("abcdef"))).containsExactly(TOO_LONG);
        assertThat(messages(new Body("😀😀😀😀😀"))).isEmpty();
        assertThat(messages(new Body("😀😀😀😀😀😀"))).containsExactly(TOO_LONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "bell\u0007", "\u001b[31m", "del\u007f", "nel\u0085", "a\u2028b", "a\u2029b", "a\rb"})
    void controlCharactersAndSeparatorsAreRefusedEverywhere(String text) {
        assertThat(messages(new Name(text))).containsExactly(SINGLE_LINE);
        assertThat(messages(new Body(text))).containsExactly(MULTILINE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\tb", "a\r\nb"})
    void newlineAndTabAreAllowedOnlyInMultilineText(String text) {
        assertThat(messages(new Name(text))).containsExactly(SINGLE_LINE);
        assertThat(messages(new Body(text))).isEmpty();
    }

    @Test
    void multilineTextCountsCrlfAsOneLineBreak() {
        assertThat(messages(new Body("ab\r\ncd"))).isEmpty();
        assertThat(messages(new Body("a\r\nb\r\nc"))).isEmpty();
        assertThat(messages(new Body("abc\r\ncd"))).containsExactly(TOO_LONG);
        assertThat(messages(new Body("a\n\rb"))).as("LF CR is not a CRLF").containsExactly(MULTILINE);
    }

    @Test
    void theViolationNamesTheProperty() {
        ConstraintViolation<Name> violation = VALIDATOR.validate(new Name("a\nb")).iterator().next();

        assertThat(violation.getPropertyPath()).hasToString("value");
        assertThat(violation.getMessage()).isEqualTo(SINGLE_LINE);
        assertThat(violation.getConstraintDescriptor().getAnnotation()).isInstanceOf(PlainText.class);
    }

    private static <T> List<String> messages(T bean) {
        return VALIDATOR.validate(bean).stream().map(ConstraintViolation::getMessage).toList();
    }
}
