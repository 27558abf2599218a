package io.shareflow.api.policy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.shareflow.domain.InvalidRequest;
import io.shareflow.domain.RefusedRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharingPolicyTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00.123Z");

    @Nested
    class Defaults {

        @Test
        void theDefaultAllowsEverything() {
            SharingPolicy policy = SharingPolicy.DEFAULT;

            assertThat(policy.capRole("manager")).isEqualTo("manager");
            assertThat(policy.allowsRecipient("anyone@anywhere.example")).isTrue();
            SharingPolicy.AUDIENCES.forEach(policy::checkAudience);
            assertThat(policy.expiry("expiresAt", null, NOW)).isNull();
            assertThat(policy.expiry("expiresAt", NOW.plus(Duration.ofDays(100_000)), NOW))
                    .isEqualTo(NOW.plus(Duration.ofDays(100_000)));
            assertThat(policy.latestExpiry(NOW)).isEmpty();
        }

        @Test
        void absentFieldsTakeTheirDefault() {
            assertThat(SharingPolicy.of(null, null, null, null, null)).isEqualTo(SharingPolicy.DEFAULT);
        }
    }

    @Nested
    class Normalising {

        @Test
        void domainsAreLowerCasedDeduplicatedAndSorted() {
            SharingPolicy policy = SharingPolicy.of(null, List.of("Partner.Example", "acme.example", "ACME.example",
                    " partner.example "), null, null, null);

            assertThat(policy.allowedRecipientDomains()).containsExactly("acme.example", "partner.example");
        }

        @Test
        void audiencesAreDeduplicatedInTheirOwnOrder() {
            SharingPolicy policy = SharingPolicy.of(null, null, List.of("password", "anyone", "password"), null, null);

            assertThat(policy.linkAudiences()).containsExactly("anyone", "password");
        }

        @Test
        void anEmptyListOfAudiencesAllowsNoLink() {
            SharingPolicy policy = SharingPolicy.of(null, null, List.of(), null, null);

            for (String audience : SharingPolicy.AUDIENCES) {
                assertThatThrownBy(() -> policy.checkAudience(audience)).isInstanceOfSatisfying(RefusedRequest.class,
                        e -> assertThat(e.details()).containsEntry("field", "audience"));
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"example", "-example.com", "example-.com", "exa mple.com", "example.com.", ".example.com",
                "*.example.com", "@example.com", "user@example.com", "example.c0m", "192.0.2.1", "", "exämple.com"})
        void domainsMustBeDomainNames(String domain) {
            assertThatThrownBy(() -> SharingPolicy.of(null, Arrays.asList("fine.example", domain), null, null, null))
                    .isInstanceOfSatisfying(InvalidRequest.class,
                            e -> assertThat(e.field()).isEqualTo("allowedRecipientDomains[1]"));
        }

        @Test
        void punycodeAndLongDomainsWithinTheLimitAreDomainNames() {
            assertThat(SharingPolicy.isDomainName("xn--80ak6aa92e.xn--p1ai")).isTrue();
            assertThat(SharingPolicy.isDomainName(("a".repeat(63) + ".").repeat(3) + "a".repeat(61) + ".com"))
                    .isFalse();
            assertThat(SharingPolicy.isDomainName(null)).isFalse();
        }

        @Test
        void eachFieldIsNamedWhenOutOfRange() {
            assertInvalid(() -> SharingPolicy.of("owner", null, null, null, null), "maxRole");
            assertInvalid(() -> SharingPolicy.of(null, null, List.of("anyone", "everyone"), null, null),
                    "linkAudiences[1]");
            assertInvalid(() -> SharingPolicy.of(null, null, null, 0, null), "maxExpiryDays");
            assertInvalid(() -> SharingPolicy.of(null, null, null, 3651, null), "maxExpiryDays");
            assertThat(SharingPolicy.of(null, null, null, 3650, null).maxExpiryDays()).isEqualTo(3650);
        }

        @Test
        void requireExpiryNeedsAMaximum() {
            assertInvalid(() -> SharingPolicy.of(null, null, null, null, true), "maxExpiryDays");
            assertThat(SharingPolicy.of(null, null, null, 7, true).requireExpiry()).isTrue();
        }

        private void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
            assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequest.class,
                    e -> assertThat(e.field()).isEqualTo(field));
        }
    }

    @Nested
    class Checks {

        @Test
        void aRoleAboveTheMaximumIsLoweredToIt() {
            SharingPolicy policy = SharingPolicy.of("downloader", null, null, null, null);

            assertThat(policy.capRole("viewer")).isEqualTo("viewer");
            assertThat(policy.capRole("downloader")).isEqualTo("downloader");
            assertThat(policy.capRole("contributor")).isEqualTo("downloader");
            assertThat(policy.capRole("manager")).isEqualTo("downloader");
            assertThatThrownBy(() -> policy.capRole("owner")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void recipientsMustBeOfAnAllowedDomainOrOneOfItsSubdomains() {
            SharingPolicy policy = SharingPolicy.of(null, List.of("acme.example"), null, null, null);

            assertThat(policy.allowsRecipient("ann@acme.example")).isTrue();
            assertThat(policy.allowsRecipient("Ann@ACME.Example")).isTrue();
            assertThat(policy.allowsRecipient("bob@eu.acme.example")).isTrue();
            assertThat(policy.allowsRecipient("eve@evilacme.example")).isFalse();
            assertThat(policy.allowsRecipient("eve@acme.example.evil.test")).isFalse();
            assertThat(policy.allowsRecipient("eve@other.example")).isFalse();
            assertThatThrownBy(() -> policy.checkRecipient("recipients[2].userId", "eve@other.example"))
                    .isInstanceOfSatisfying(RefusedRequest.class, e -> {
                        assertThat(e.details()).containsEntry("field", "recipients[2].userId");
                        assertThat(e.details()).containsEntry("allowedRecipientDomains", List.of("acme.example"));
                    });
        }

        @Test
        void anExpiryPastTheMaximumIsRefusedNamingTheField() {
            SharingPolicy policy = SharingPolicy.of(null, null, null, 30, null);
            Instant latest = NOW.plus(Duration.ofDays(30));

            assertThat(policy.latestExpiry(NOW)).contains(latest);
            assertThat(policy.expiry("expiresAt", latest, NOW)).isEqualTo(latest);
            assertThat(policy.expiry("expiresAt", null, NOW)).isNull();
            assertThatThrownBy(() -> policy.expiry("durationHours", latest.plusMillis(1), NOW))
                    .isInstanceOfSatisfying(RefusedRequest.class, e -> {
                        assertThat(e.details()).containsEntry("field", "durationHours");
                        assertThat(e.details()).containsEntry("maxExpiryDays", 30);
                    });
        }

        @Test
        void requireExpiryGivesAShareWithoutOneTheMaximum() {
            SharingPolicy policy = SharingPolicy.of(null, null, null, 7, true);

            assertThat(policy.expiry("expiresAt", null, NOW)).isEqualTo(NOW.plus(Duration.ofDays(7)));
            assertThat(policy.expiry("expiresAt", NOW.plus(Duration.ofDays(1)), NOW))
                    .isEqualTo(NOW.plus(Duration.ofDays(1)));
        }

        @Test
        void aPolicyIsAValue() {
            assertThat(SharingPolicy.of("viewer", List.of("B.example", "a.example"), List.of("users", "anyone"), 5, true))
                    .isEqualTo(SharingPolicy.of("viewer", List.of("a.example", "b.example"), List.of("anyone", "users"),
                            5, true));
        }
    }
}
