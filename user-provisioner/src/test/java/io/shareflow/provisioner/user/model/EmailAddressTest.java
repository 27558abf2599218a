package io.shareflow.provisioner.user.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "first.last+tag@sub.example.co.uk", "O'Brien@Example.COM", "x_y-z@a-b.io"})
    void acceptsOrdinaryAddresses(String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "plain", "@example.com", "a@", "a@localhost", "a b@example.com", "a@@example.com",
            "a.@example.com", ".a@example.com", "a..b@example.com", "a@-example.com", "a@example..com",
            "\"quoted\"@example.com", "a@example.com\r\nBcc: x@example.com"})
    void refusesMalformedAddresses(String address) {
        assertThat(EmailAddress.isValid(address)).isFalse();
    }

    @Test
    void refusesTooLongAddresses() {
        String local = "a".repeat(65);
        assertThat(EmailAddress.isValid(local + "@example.com")).isFalse();
        String domain = ("d".repeat(60) + ".").repeat(4) + "example.com"; // 257 characters with "a@"
        assertThat(EmailAddress.isValid("a@" + domain)).isFalse();
        assertThat(EmailAddress.isValid(null)).isFalse();
    }

    @Test
    void keepsTheSpellingButComparesIgnoringCase() {
        EmailAddress email = EmailAddress.of("  Alice@Example.COM ");
        assertThat(email.value()).isEqualTo("Alice@Example.COM");
        assertThat(email.normalized()).isEqualTo("alice@example.com");
    }

    @Test
    void constructorRefusesInvalidInput() {
        assertThatIllegalArgumentException().isThrownBy(() -> new EmailAddress("nope"));
    }
}
