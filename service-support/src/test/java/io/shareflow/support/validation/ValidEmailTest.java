package io.shareflow.support.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.shareflow.testsupport.EmailAddressTable;
import io.shareflow.testsupport.EmailAddressTable.Row;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link ValidEmail} with a real Bean Validation provider, on the shared address table too. */
class ValidEmailTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private static final String MESSAGE = "must be a valid e-mail address of at most 254 characters";

    record Contact(@ValidEmail String email) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void surroundingBlanksAreIgnored() {
        assertThat(messages(" ada@example.com ")).isEmpty();
        assertThat(messages("\tada@example.com\n")).isEmpty();
    }

    @Test
    void anAddressTheRuleRefusesIsInvalidWithAMessageNamingTheRule() {
        assertThat(messages("a@b.c")).containsExactly(MESSAGE);
        assertThat(messages("")).containsExactly(MESSAGE);
        assertThat(messages("   ")).containsExactly(MESSAGE);
    }

    @Test
    void nullIsValid() {
        assertThat(messages(null)).isEmpty();
    }

    static List<Row> table() {
        return EmailAddressTable.rows();
    }

    @ParameterizedTest
    @MethodSource("table")
    void agreesWithTheSharedAddressTable(Row row) {
        assertThat(messages(row.address())).as(row.address()).isEqualTo(row.valid() ? List.of() : List.of(MESSAGE));
        assertThat(messages(" " + row.address() + " ")).as("padded " + row.address())
                .isEqualTo(row.valid() ? List.of() : List.of(MESSAGE));
    }

    private static List<String> messages(String email) {
        return VALIDATOR.validate(new Contact(email)).stream().map(ConstraintViolation::getMessage).toList();
    }
}
