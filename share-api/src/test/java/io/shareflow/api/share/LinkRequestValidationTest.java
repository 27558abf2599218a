package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.shareflow.api.share.model.Audience;
import io.shareflow.api.share.model.Role;
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
 * Each field of a link request on its own, as Bean Validation checks it at the web edge (the rules over several fields
 * are LinkRulesTest's; wrong types and the whole endpoint LinkRequestRefusalsIT's).
 */
class LinkRequestValidationTest {

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
    void everyFieldMayBeLeftOutHere() {
        assertThat(invalidFields(new LinkRequest(null, null, null, null, null, null, null, null, null, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anyone", "organization", "users", "password"})
    void theFourAudiences(String audience) {
        LinkRequest request = new LinkRequest(audience, null, null, null, null, null, null, null, null, null);
        assertThat(invalidFields(request)).isEmpty();
        assertThat(request.toDraft().audience()).isEqualTo(Audience.parse(audience).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "public", "Anyone", "users ", "organisation"})
    void anyOtherAudienceIsInvalid(String audience) {
        assertThat(invalidFields(new LinkRequest(audience, null, null, null, null, null, null, null, null, null)))
                .containsExactly("audience");
    }

    @ParameterizedTest
    @ValueSource(strings = {"contributor", "manager", "owner", "Viewer", ""})
    void onlyViewerOrDownloader(String role) {
        assertThat(invalidFields(new LinkRequest("anyone", role, null, null, null, null, null, null, null, null)))
                .containsExactly("role");
        assertThat(new LinkRequest("anyone", "downloader", null, null, null, null, null, null, null, null).toDraft()
                .role()).isEqualTo(Role.DOWNLOADER);
    }

    @Test
    void durationHoursIsOneHourToAYear() {
        assertThat(invalidFields(withDuration(1))).isEmpty();
        assertThat(invalidFields(withDuration(8760))).isEmpty();
        assertThat(invalidFields(withDuration(0))).containsExactly("durationHours");
        assertThat(invalidFields(withDuration(8761))).containsExactly("durationHours");
        assertThat(invalidFields(withDuration(-5))).containsExactly("durationHours");
    }

    @Test
    void everyInvalidFieldIsNamed() {
        LinkRequest request = new LinkRequest("x", "manager", null, NOW, 0, "n".repeat(256),
                List.of(new ShareRequest.Recipient("nope", null)), null, "a\nb", "\u0007");

        assertThat(invalidFields(request)).containsExactlyInAnyOrder("audience", "role", "expiresAt", "durationHours",
                "name", "recipients[0].email", "subject", "message");
    }

    @Test
    void thePasswordIsNotInItsText() {
        assertThat(new LinkRequest("password", null, "secret password", null, null, null, null, null, null, null)
                .toString()).doesNotContain("secret password").contains("***");
    }

    private static LinkRequest withDuration(int hours) {
        return new LinkRequest("anyone", null, null, null, hours, null, null, null, null, null);
    }

    private static List<String> invalidFields(LinkRequest request) {
        return validator.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .sorted().toList();
    }
}
