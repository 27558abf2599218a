package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each field of a share request on its own, as Bean Validation checks it at the web edge (the rules over
 * several fields are ShareRulesTest's; values of the wrong type, such as a user id that is not a UUID, are
 * SharingIT's). Fields are named as the error's {@code extension.field} names them.
 */
class ShareRequestValidationTest {

    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .clockProvider(() -> Clock.fixed(NOW, ZoneOffset.UTC))
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aMinimalRequestIsValid() {
        assertThat(invalidFields(request("recipient@example.com"))).isEmpty();
        assertThat(invalidFields(new ShareRequest(null, null, null, null, null, null, null, null, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a@b", "a@@b.com", "a b@c.com", "<a@b.com>", "a@b.com\r\nBcc: x@y.com",
            "a@-b.com", ".a@b.com", "a..b@c.com"})
    void recipientEmailMustBeAnAddress(String address) {
        assertThat(invalidFields(request(address))).containsExactly("recipientEmail");
    }

    @Test
    void addressesMayHaveSurroundingBlanks() {
        assertThat(invalidFields(request("  a@example.com "))).isEmpty();
    }

    @Test
    void theFieldOfABadRecipientAddressIsNamedWithItsIndex() {
        ShareRequest request = new ShareRequest(null, List.of(new ShareRequest.Recipient("ok@example.com", null),
                new ShareRequest.Recipient("not-an-address", null), new ShareRequest.Recipient(null, UUID.randomUUID())),
                null, null, null, null, null, null, null);

        assertThat(invalidFields(request)).containsExactly("recipients[1].email");
    }

    @ParameterizedTest
    @ValueSource(strings = {"viewer", "downloader", "contributor", "manager"})
    void knownRolesAreAccepted(String role) {
        assertThat(invalidFields(withRole(role))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"owner", "VIEWER", "", "editor", " viewer"})
    void unknownRolesAreRefused(String role) {
        assertThat(invalidFields(withRole(role))).containsExactly("role");
    }

    @Test
    void subjectIsAtMost200CharactersWithoutLineBreaks() {
        assertThat(invalidFields(withSubject("s".repeat(200)))).isEmpty();
        assertThat(invalidFields(withSubject("s".repeat(201)))).containsExactly("subject");
        assertThat(invalidFields(withSubject("Hello\r\nBcc: evil@example.com"))).containsExactly("subject");
        assertThat(invalidFields(withSubject("Hello\n"))).containsExactly("subject");
        assertThat(invalidFields(withSubject("tab\there"))).containsExactly("subject");
        assertThat(invalidFields(withSubject("line\u2028separator"))).containsExactly("subject");
    }

    @Test
    void subjectLengthCountsCharactersNotCodeUnits() {
        assertThat(invalidFields(withSubject("😀".repeat(200)))).isEmpty();
        assertThat(invalidFields(withSubject("😀".repeat(201)))).containsExactly("subject");
    }

    @Test
    void blankSubjectAndMessageAreValid() {
        assertThat(invalidFields(withSubject("  "))).isEmpty();
        assertThat(invalidFields(withMessage(""))).isEmpty();
    }

    @Test
    void messageIsAtMost2000CharactersWithNewlinesAndTabsOnly() {
        assertThat(invalidFields(withMessage("m".repeat(2000)))).isEmpty();
        assertThat(invalidFields(withMessage("m".repeat(2001)))).containsExactly("message");
        assertThat(invalidFields(withMessage("Hi,\n\tsee attached.\n"))).isEmpty();
        assertThat(invalidFields(withMessage("bell\u0007"))).containsExactly("message");
        assertThat(invalidFields(withMessage("nul\u0000"))).containsExactly("message");
        assertThat(invalidFields(withMessage("lone\rreturn"))).containsExactly("message");
    }

    @Test
    void aWindowsLineBreakCountsAsOneCharacter() {
        assertThat(invalidFields(withMessage("a\r\nb"))).isEmpty();
        assertThat(invalidFields(withMessage("m".repeat(1999) + "\r\n"))).isEmpty();
        assertThat(invalidFields(withMessage("m".repeat(2000) + "\r\n"))).containsExactly("message");
    }

    @Test
    void expiresAtMustBeInTheFuture() {
        assertThat(invalidFields(withExpiresAt(Instant.parse("2027-01-31T00:00:00Z")))).isEmpty();
        assertThat(invalidFields(withExpiresAt(NOW.plusMillis(1)))).isEmpty();
        assertThat(invalidFields(withExpiresAt(NOW))).containsExactly("expiresAt");
        assertThat(invalidFields(withExpiresAt(Instant.parse("2020-01-01T00:00:00Z")))).containsExactly("expiresAt");
    }

    @Test
    void everyInvalidFieldIsNamed() {
        ShareRequest request = new ShareRequest("nope", List.of(new ShareRequest.Recipient("nope", null)), null,
                "owner", "a\nb", "\u0007", NOW, null, null);

        assertThat(invalidFields(request)).containsExactlyInAnyOrder("recipientEmail", "recipients[0].email", "role",
                "subject", "message", "expiresAt");
    }

    private static List<String> invalidFields(ShareRequest request) {
        return validator.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .sorted().toList();
    }

    private static ShareRequest request(String recipientEmail) {
        return new ShareRequest(recipientEmail, null, null, null, null, null, null, null, null);
    }

    private static ShareRequest withRole(String role) {
        return new ShareRequest("a@example.com", null, null, role, null, null, null, null, null);
    }

    private static ShareRequest withSubject(String subject) {
        return new ShareRequest("a@example.com", null, null, null, subject, null, null, null, null);
    }

    private static ShareRequest withMessage(String message) {
        return new ShareRequest("a@example.com", null, null, null, null, message, null, null, null);
    }

    private static ShareRequest withExpiresAt(Instant expiresAt) {
        return new ShareRequest("a@example.com", null, null, null, null, null, expiresAt, null, null);
    }
}
