package io.shareflow.api.share.model;

import static io.shareflow.api.share.model.ShareFixtures.NOW;
import static io.shareflow.api.share.model.ShareFixtures.email;
import static io.shareflow.api.share.model.ShareFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import io.shareflow.domain.InvalidRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of a link request over several fields, and its normal form; each field alone: LinkRequestValidationTest. */
class LinkRulesTest {

    @Test
    void aMinimalLinkGetsTheDefaults() {
        ValidLinkRequest valid = LinkRules.validate(link(Audience.ANYONE), NOW);

        assertThat(valid.audience()).isEqualTo(Audience.ANYONE);
        assertThat(valid.role()).isEqualTo(Role.VIEWER);
        assertThat(valid.password()).isNull();
        assertThat(valid.expiresAt()).isNull();
        assertThat(valid.name()).isNull();
        assertThat(valid.recipients()).isEmpty();
        assertThat(valid.notifyRecipient()).isTrue();
        assertThat(valid.subject()).isNull();
        assertThat(valid.message()).isNull();
    }

    @Test
    void anAudienceIsRequired() {
        assertInvalid(link(null), "audience");
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"CONTRIBUTOR", "MANAGER"})
    void aLinkGrantsAtMostDownloading(Role role) {
        assertInvalid(new LinkDraft(Audience.ANYONE, role, null, null, null, null, null, null, null, null), "role");
        assertThat(LinkRules.validate(new LinkDraft(Audience.ANYONE, Role.DOWNLOADER, null, null, null, null, null,
                null, null, null), NOW).role()).isEqualTo(Role.DOWNLOADER);
    }

    @Test
    void aPasswordLinkNeedsAnAcceptablePassword() {
        assertInvalid(withPassword(Audience.PASSWORD, null), "password");
        assertInvalid(withPassword(Audience.PASSWORD, "        "), "password");
        assertInvalid(withPassword(Audience.PASSWORD, "1234567"), "password");
        assertInvalid(withPassword(Audience.PASSWORD, "x".repeat(73)), "password");
        assertInvalid(withPassword(Audience.PASSWORD, "€".repeat(25)), "password");

        assertThat(LinkRules.validate(withPassword(Audience.PASSWORD, "12345678"), NOW).password()).isEqualTo("12345678");
        assertThat(LinkRules.validate(withPassword(Audience.PASSWORD, "x".repeat(72)), NOW).password()).hasSize(72);
    }

    @ParameterizedTest
    @EnumSource(value = Audience.class, names = "PASSWORD", mode = EnumSource.Mode.EXCLUDE)
    void onlyAPasswordLinkHasAPassword(Audience audience) {
        LinkDraft draft = new LinkDraft(audience, null, "long enough", null, null, null, List.of(email("a@example.com")),
                null, null, null);
        assertInvalid(draft, "password");
    }

    @Test
    void durationHoursIsFromNowAndAnAlternativeToExpiresAt() {
        assertThat(LinkRules.validate(withDuration(1), NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(LinkRules.validate(withDuration(8760), NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(365)));
        assertInvalid(withDuration(0), "durationHours");
        assertInvalid(withDuration(8761), "durationHours");
        assertInvalid(new LinkDraft(Audience.ANYONE, null, null, NOW.plusSeconds(60), 24, null, null, null, null, null),
                "durationHours");
    }

    @Test
    void expiresAtIsInTheFutureToTheMillisecond() {
        Instant precise = Instant.parse("2099-01-31T00:00:00.123456789Z");
        assertThat(LinkRules.validate(withExpiresAt(precise), NOW).expiresAt())
                .isEqualTo(Instant.parse("2099-01-31T00:00:00.123Z"));
        assertInvalid(withExpiresAt(NOW), "expiresAt");
        assertInvalid(withExpiresAt(NOW.minusSeconds(1)), "expiresAt");
    }

    @Test
    void aUsersLinkNeedsRecipientsTheOthersMayHaveThem() {
        assertInvalid(link(Audience.USERS), "recipients");
        assertInvalid(withRecipients(Audience.USERS), "recipients");
        assertThat(LinkRules.validate(withRecipients(Audience.USERS, email(" a@example.com "), user(UUID.randomUUID())),
                NOW).recipients()).extracting(RecipientRef::field, RecipientRef::email)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("recipients[0].email", "a@example.com"),
                        org.assertj.core.groups.Tuple.tuple("recipients[1].userId", null));
        assertThat(LinkRules.validate(withRecipients(Audience.ORGANIZATION), NOW).recipients()).isEmpty();
    }

    @Test
    void eachRecipientIsAnAddressOrAUserId() {
        assertInvalid(withRecipients(Audience.ANYONE, email("a@example.com"), new RecipientDraft(null, null)),
                "recipients[1]");
        assertInvalid(withRecipients(Audience.ANYONE, new RecipientDraft("a@example.com", UUID.randomUUID())),
                "recipients[0]");
        assertInvalid(new LinkDraft(Audience.ANYONE, null, null, null, null, null, Arrays.asList((RecipientDraft) null),
                null, null, null), "recipients[0]");
        assertInvalid(withRecipients(Audience.ANYONE, IntStream.range(0, 1001)
                .mapToObj(i -> email("r" + i + "@example.com")).toArray(RecipientDraft[]::new)), "recipients");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\t"})
    void blankTextsAreNone(String blank) {
        ValidLinkRequest valid = LinkRules.validate(new LinkDraft(Audience.ANYONE, null, null, null, null, blank,
                null, blank, blank, false), NOW);

        assertThat(valid.name()).isNull();
        assertThat(valid.subject()).isNull();
        assertThat(valid.message()).isNull();
        assertThat(valid.notifyRecipient()).isFalse();
    }

    @Test
    void theMessageKeepsLineBreaksAsLf() {
        assertThat(LinkRules.validate(new LinkDraft(Audience.ANYONE, null, null, null, null, null, null, null,
                "Hi,\r\nhere.", null), NOW).message()).isEqualTo("Hi,\nhere.");
    }

    @Test
    void thePasswordIsNeverInTheTextOfARequestNorInWhatRequestsAreComparedBy() {
        LinkDraft draft = withPassword(Audience.PASSWORD, "secret password");

        assertThat(draft.toString()).doesNotContain("secret password");
        assertThat(LinkRules.validate(draft, NOW).toString()).doesNotContain("secret password");
        assertThat(draft.withoutPassword().password()).isEqualTo(LinkDraft.SOME_PASSWORD);
        assertThat(draft.withoutPassword()).isEqualTo(withPassword(Audience.PASSWORD, "another one").withoutPassword());
        assertThat(link(Audience.ANYONE).withoutPassword().password()).isNull();
    }

    private static LinkDraft link(Audience audience) {
        return new LinkDraft(audience, null, null, null, null, null, null, null, null, null);
    }

    private static LinkDraft withPassword(Audience audience, String password) {
        return new LinkDraft(audience, null, password, null, null, null, null, null, null, null);
    }

    private static LinkDraft withDuration(int hours) {
        return new LinkDraft(Audience.ANYONE, null, null, null, hours, null, null, null, null, null);
    }

    private static LinkDraft withExpiresAt(Instant expiresAt) {
        return new LinkDraft(Audience.ANYONE, null, null, expiresAt, null, null, null, null, null, null);
    }

    private static LinkDraft withRecipients(Audience audience, RecipientDraft... recipients) {
        return new LinkDraft(audience, null, null, null, null, null, List.of(recipients), null, null, null);
    }

    private static void assertInvalid(LinkDraft draft, String field) {
        assertThatThrownBy(() -> LinkRules.validate(draft, NOW)).as("%s", draft)
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
