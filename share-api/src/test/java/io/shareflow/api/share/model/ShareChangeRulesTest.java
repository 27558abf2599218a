package io.shareflow.api.share.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.RefusedRequest;
import org.junit.jupiter.api.Test;

class ShareChangeRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant LATER = Instant.parse("2027-01-31T00:00:00Z");

    private static final ShareChangeRules.Current DIRECT =
            new ShareChangeRules.Current(false, Role.VIEWER, null, null, false, 0);
    private static final ShareChangeRules.Current ANYONE_LINK =
            new ShareChangeRules.Current(true, Role.VIEWER, LATER, Audience.ANYONE, false, 0);
    private static final ShareChangeRules.Current PASSWORD_LINK =
            new ShareChangeRules.Current(true, Role.VIEWER, null, Audience.PASSWORD, true, 2);

    @Test
    void roleAndExpiryAreChangedAndDescribed() {
        ShareChange change = ShareChangeRules.validate(draft(Role.MANAGER, true, LATER, null, null), DIRECT, NOW);

        assertThat(change.role()).isEqualTo(Role.MANAGER);
        assertThat(change.expiresAt()).isEqualTo(LATER);
        assertThat(change.changes()).containsExactly("role", "expiresAt");
        assertThat(change.description()).isEqualTo("role viewer -> manager; expiresAt never -> 2027-01-31T00:00:00Z");
    }

    @Test
    void aNullExpiryClearsItAndAnAbsentOneKeepsIt() {
        assertThat(ShareChangeRules.validate(draft(null, true, null, null, null), ANYONE_LINK, NOW).expiresAt())
                .isNull();
        assertThat(ShareChangeRules.validate(draft(null, true, null, null, null), ANYONE_LINK, NOW).changes())
                .containsExactly("expiresAt");
        ShareChange kept = ShareChangeRules.validate(draft(Role.DOWNLOADER, false, null, null, null), ANYONE_LINK, NOW);
        assertThat(kept.expiresAt()).isEqualTo(LATER);
        assertThat(kept.changes()).containsExactly("role");
    }

    @Test
    void theSameValuesChangeNothing() {
        assertThat(ShareChangeRules.validate(draft(Role.VIEWER, true, LATER, null, Audience.ANYONE), ANYONE_LINK, NOW)
                .changesNothing()).isTrue();
    }

    @Test
    void anExpiryMustBeInTheFuture() {
        assertField(() -> ShareChangeRules.validate(draft(null, true, NOW, null, null), DIRECT, NOW), "expiresAt");
        assertField(() -> ShareChangeRules.validate(draft(null, true, NOW.minusSeconds(1), null, null), DIRECT, NOW),
                "expiresAt");
    }

    @Test
    void aLinkGrantsAtMostDownloading() {
        assertField(() -> ShareChangeRules.validate(draft(Role.MANAGER, false, null, null, null), ANYONE_LINK, NOW),
                "role");
        assertField(() -> ShareChangeRules.validate(draft(Role.CONTRIBUTOR, false, null, null, null), ANYONE_LINK,
                NOW), "role");
    }

    @Test
    void passwordAndAudienceAreALinksOnly() {
        assertField(() -> ShareChangeRules.validate(draft(null, false, null, "long enough", null), DIRECT, NOW),
                "password");
        assertField(() -> ShareChangeRules.validate(draft(null, false, null, null, Audience.ANYONE), DIRECT, NOW),
                "audience");
    }

    @Test
    void audiencePasswordNeedsAPasswordAndAPasswordNeedsThatAudience() {
        assertField(() -> ShareChangeRules.validate(draft(null, false, null, null, Audience.PASSWORD), ANYONE_LINK,
                NOW), "password");
        assertField(() -> ShareChangeRules.validate(draft(null, false, null, "long enough", null), ANYONE_LINK, NOW),
                "password");
        assertField(() -> ShareChangeRules.validate(draft(null, false, null, "short", Audience.PASSWORD), ANYONE_LINK,
                NOW), "password");
        assertField(() -> ShareChangeRules.validate(draft(null, false, null, "long enough", Audience.USERS),
                PASSWORD_LINK, NOW), "password");

        ShareChange toPassword = ShareChangeRules.validate(draft(null, false, null, "long enough", Audience.PASSWORD),
                ANYONE_LINK, NOW);
        assertThat(toPassword.changes()).containsExactly("password", "audience");
        assertThat(toPassword.description()).isEqualTo("password; audience anyone -> password").doesNotContain("long");
        ShareChange newPassword = ShareChangeRules.validate(draft(null, false, null, "long enough", null),
                PASSWORD_LINK, NOW);
        assertThat(newPassword.newPassword()).isEqualTo("long enough");
        assertThat(ShareChangeRules.validate(draft(Role.DOWNLOADER, false, null, null, null), PASSWORD_LINK, NOW)
                .newPassword()).as("the password stays").isNull();
    }

    @Test
    void audienceUsersNeedsRecipients() {
        assertThatThrownBy(() -> ShareChangeRules.validate(draft(null, false, null, null, Audience.USERS), ANYONE_LINK,
                NOW)).isInstanceOf(RefusedRequest.class);
        assertThat(ShareChangeRules.validate(draft(null, false, null, null, Audience.USERS), PASSWORD_LINK, NOW)
                .audience()).isEqualTo(Audience.USERS);
    }

    @Test
    void thePasswordIsNeverInTheDraftsText() {
        assertThat(draft(null, false, null, "secret password", null).toString()).doesNotContain("secret");
    }

    private static ShareChangeDraft draft(Role role, boolean expiresAtGiven, Instant expiresAt, String password,
                                          Audience audience) {
        return new ShareChangeDraft(role, expiresAtGiven, expiresAt, password, audience);
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequest.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
