package io.shareflow.provisioner.registration.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.shareflow.domain.EmailAddress;
import org.junit.jupiter.api.Test;

class PasswordChoiceTest {

    private static final EmailAddress IVY = EmailAddress.of("Ivy.Invitee@Example.com");

    @Test
    void acceptsAPasswordWithinThePolicyThatIsNotTheAddress() {
        assertThat(PasswordChoice.violation("correct horse", IVY)).isEmpty();
        assertThat(PasswordChoice.violation("ivy.invitee@example.com!", IVY)).isEmpty();
    }

    @Test
    void refusesTheAccountsOwnAddressInAnyCaseWithOrWithoutBlanks() {
        assertThat(PasswordChoice.violation("ivy.invitee@example.com", IVY)).contains("must not be your e-mail address");
        assertThat(PasswordChoice.violation("IVY.INVITEE@EXAMPLE.COM", IVY)).contains("must not be your e-mail address");
        assertThat(PasswordChoice.violation(" Ivy.Invitee@Example.com ", IVY)).contains("must not be your e-mail address");
    }

    @Test
    void thePolicyComesFirst() {
        assertThat(PasswordChoice.violation("1234567", IVY)).hasValueSatisfying(m -> assertThat(m).contains("8"));
        assertThat(PasswordChoice.violation("x".repeat(73), IVY)).hasValueSatisfying(m -> assertThat(m).contains("72"));
        assertThat(PasswordChoice.violation(null, IVY)).isPresent();
    }
}
