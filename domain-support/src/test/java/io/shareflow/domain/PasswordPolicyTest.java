package io.shareflow.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsEightCharactersUpTo72Bytes() {
        assertThat(PasswordPolicy.violation("12345678")).isEmpty();
        assertThat(PasswordPolicy.violation("x".repeat(72))).isEmpty();
    }

    @Test
    void refusesShortBlankOrOverlongPasswords() {
        assertThat(PasswordPolicy.violation(null)).isPresent();
        assertThat(PasswordPolicy.violation("        ")).isPresent();
        assertThat(PasswordPolicy.violation("1234567")).hasValueSatisfying(m -> assertThat(m).contains("8"));
        assertThat(PasswordPolicy.violation("x".repeat(73))).hasValueSatisfying(m -> assertThat(m).contains("72"));
        // 25 characters, 75 bytes: BCrypt would silently ignore the tail.
        assertThat(PasswordPolicy.violation("€".repeat(25))).isPresent();
    }
}
