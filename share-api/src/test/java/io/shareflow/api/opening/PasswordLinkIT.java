package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Map;

import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Password links: the password, the wrong ones, and the lockout that holds in the database. */
class PasswordLinkIT extends OpeningIntegrationSupport {

    private static final String PASSWORD = "correct horse battery";

    private final Caller sharer = Caller.sharer();

    private Shared passwordLink() {
        return link(sharer, createDocument(sharer), Map.of("audience", "password", "password", PASSWORD));
    }

    @Test
    void opensWithItsPasswordOnly() {
        Shared link = passwordLink();

        JsonNode required = assertRefused(open(link.token(), null), 401, "Unauthorized", Refusal.PASSWORD_REQUIRED);
        assertThat(required.get("extension").get("required").asString()).isEqualTo("password");
        JsonNode wrong = assertRefused(openWithPassword(link.token(), "not the password"), 401, "Unauthorized",
                Refusal.WRONG_PASSWORD);
        assertThat(wrong.get("extension").get("required").asString()).isEqualTo("password");
        // Longer than BCrypt reads (72 bytes) but within the header's 1,024 characters: simply wrong.
        assertRefused(openWithPassword(link.token(), PASSWORD + "x".repeat(1024 - PASSWORD.length())), 401,
                "Unauthorized", Refusal.WRONG_PASSWORD);

        Response opened = openWithPassword(link.token(), PASSWORD);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.data().get("audience").asString()).isEqualTo("password");
        assertThat(opened.header("Cache-Control")).contains("no-store");
        assertThat(outcomes(link.shareId())).containsExactly("PASSWORD_REQUIRED", "WRONG_PASSWORD", "WRONG_PASSWORD",
                "OPENED");
    }

    @Test
    void fiveWrongPasswordsLockTheLinkEvenForTheRightOneUntilTheOldestLeavesTheWindow() {
        Shared link = passwordLink();
        for (int i = 1; i <= 4; i++) {
            assertRefused(openWithPassword(link.token(), "wrong " + i), 401, "Unauthorized", Refusal.WRONG_PASSWORD);
        }
        Response fifth = openWithPassword(link.token(), "wrong 5");
        assertRefused(fifth, 429, "TooManyRequests", Refusal.LOCKED_OUT);
        long retryAfter = Long.parseLong(fifth.header("Retry-After"));
        assertThat(retryAfter).isBetween(890L, 900L);

        Response right = openWithPassword(link.token(), PASSWORD);
        assertRefused(right, 429, "TooManyRequests", Refusal.LOCKED_OUT);
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(1L, retryAfter);
        assertRefused(open(link.token(), null), 429, "TooManyRequests", Refusal.LOCKED_OUT);
        assertThat(count("select count(*) from link_password_failure where share_id = ?", link.shareId()))
                .as("locked attempts are not failures").isEqualTo(5);

        // The oldest failure leaves the 15-minute window: one more try.
        jdbc.sql("""
                update link_password_failure set at = at - interval '15 minutes'
                where share_id = ? and at = (select min(at) from link_password_failure where share_id = ?)
                """).params(link.shareId(), link.shareId()).update();
        assertThat(openWithPassword(link.token(), PASSWORD).status()).isEqualTo(200);
        assertThat(outcomes(link.shareId())).containsExactlyElementsOf(concat(Collections.nCopies(4, "WRONG_PASSWORD"),
                "LOCKED_OUT", "LOCKED_OUT", "LOCKED_OUT", "OPENED"));
    }

    @Test
    void aStoredHashThatIsNoHashOpensNothingAndFailsNothing() {
        Shared link = passwordLink();
        jdbc.sql("update share set password_hash = 'not-a-bcrypt-hash' where id = ?").param(link.shareId()).update();
        assertRefused(openWithPassword(link.token(), PASSWORD), 401, "Unauthorized", Refusal.WRONG_PASSWORD);
    }

    private static java.util.List<String> concat(java.util.List<String> first, String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(first);
        all.addAll(java.util.List.of(more));
        return all;
    }
}
