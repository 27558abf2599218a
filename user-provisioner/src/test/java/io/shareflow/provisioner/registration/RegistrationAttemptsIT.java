package io.shareflow.provisioner.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import io.shareflow.domain.EmailAddress;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.provisioner.user.Users;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.testsupport.EventFixtures;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The password rules at registration, and the limit of 10 failed uses of one token in 15 minutes. */
class RegistrationAttemptsIT extends IntegrationTestSupport {

    @Autowired
    private Users users;
    @Autowired
    private RegistrationTokenIssuer issuer;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private Clock clock;

    private User invited;

    @BeforeEach
    void invitedUser() {
        UUID organization = createOrganization("Attempts " + UUID.randomUUID());
        invited = User.invited(organization, EmailAddress.of(EventFixtures.newEmail("Ivy.Attempts")), clock.instant());
        transactions.executeWithoutResult(tx -> assertThat(users.insertIfEmailFree(invited)).isTrue());
    }

    @Test
    void thePasswordMustNotBeTheAddressInAnyCaseNorBreakThePolicy() {
        String token = issueToken();
        for (String password : new String[] {invited.email().value(), invited.email().value().toUpperCase(), "1234567",
                "x".repeat(73), "€".repeat(25)}) {
            Response refused = register(token, password);
            assertThat(refused.status()).as(password).isEqualTo(400);
            assertThat(refused.error().path("errorCode").asString()).isEqualTo("BadRequest");
            assertThat(refused.error().path("extension").path("field").asString()).isEqualTo("password");
            assertThat(refused.body()).doesNotContain(password);
        }
        assertThat(register(token, invited.email().value()).error().path("message").asString())
                .isEqualTo("Invalid value for password: must not be your e-mail address.");
        Response missing = http.post("/v1/registrations/" + token, null, Map.of("displayName", "Ivy"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.error().path("extension").path("field").asString()).isEqualTo("password");
        assertThat(users.findById(invited.id()).orElseThrow().isActive()).isFalse();

        assertThat(register(token, "a fine password").status()).isEqualTo(200);
    }

    @Test
    void tenFailedUsesOfATokenLockItOutWith429AndRetryAfterWhileAnotherTokenStillWorks() {
        String token = issueToken();
        for (int i = 0; i < 10; i++) {
            assertThat(register(token, i % 2 == 0 ? "short" : invited.email().value()).status()).as("attempt " + i)
                    .isEqualTo(400);
        }

        Response locked = register(token, "a fine password");
        assertThat(locked.status()).as(locked.toString()).isEqualTo(429);
        assertThat(locked.error().path("errorCode").asString()).isEqualTo("TooManyRequests");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(users.findById(invited.id()).orElseThrow().isActive()).as("not registered by the 11th").isFalse();

        User other = User.invited(invited.organizationId(), EmailAddress.of(EventFixtures.newEmail("other")),
                clock.instant());
        transactions.executeWithoutResult(tx -> users.insertIfEmailFree(other));
        String otherToken = transactions.execute(tx -> issuer.issueFor(other)).token();
        assertThat(register(otherToken, "a fine password").status()).isEqualTo(200);
    }

    @Test
    void unknownUsedAndReplacedTokensCountToo() {
        String unknown = "u".repeat(43);
        for (int i = 0; i < 10; i++) {
            assertThat(register(unknown, "a fine password").status()).isEqualTo(404);
        }
        assertThat(register(unknown, "a fine password").status()).isEqualTo(429);

        String replaced = issueToken();
        String current = issueToken();
        for (int i = 0; i < 10; i++) {
            assertThat(register(replaced, "a fine password").status()).isEqualTo(410);
        }
        assertThat(register(replaced, "a fine password").status()).isEqualTo(429);
        assertThat(register(current, "a fine password").status()).as("its own count").isEqualTo(200);
    }

    private Response register(String token, String password) {
        return http.post("/v1/registrations/" + token, null, Map.of("displayName", "Ivy", "password", password));
    }

    private String issueToken() {
        return transactions.execute(tx -> issuer.issueFor(invited)).token();
    }
}
