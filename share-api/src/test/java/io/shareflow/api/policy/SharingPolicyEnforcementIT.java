package io.shareflow.api.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.ShareRequested;
import io.shareflow.events.UserUpserted;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The organisation's sharing policy on every create of a direct share and a link: lowered roles with
 * {@code requestedRole}, refused domains, audiences and expiries (422 naming the field, nothing written), the maximum
 * expiry given when one is required. Each test has an organisation of its own.
 */
class SharingPolicyEnforcementIT extends ShareApiIntegrationSupport {

    private final UUID organization = UUID.randomUUID();
    private final Caller admin = Caller.of(organization, "producer-admin");
    private final Caller sharer = Caller.of(organization, "producer-user");

    @Test
    void aRoleAboveTheMaximumIsLoweredAndTheAnswerSaysWhatWasAsked() {
        policy(Map.of("maxRole", "downloader"));
        UUID resource = createDocument(sharer);

        Response response = api.post(shares(resource), sharer.token(), Map.of("recipients",
                List.of(Map.of("email", "a@example.com"), Map.of("email", "b@example.com")), "role", "manager"));

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        for (JsonNode share : response.data().get("shares")) {
            assertThat(share.get("role").asString()).isEqualTo("downloader");
            assertThat(share.get("requestedRole").asString()).isEqualTo("manager");
        }
        UUID shareId = UUID.fromString(response.data().get("shares").get(0).get("shareId").asString());
        assertThat(count("select count(*) from share where id = ? and role = 'downloader' and requested_role = 'manager'",
                shareId)).isEqualTo(1);
        JsonNode read = api.get("/v1/shares/" + shareId, sharer.token()).data();
        assertThat(read.get("role").asString()).isEqualTo("downloader");
        assertThat(read.get("requestedRole").asString()).isEqualTo("manager");
        assertThat(api.get("/v1/shares?resourceId=" + resource, sharer.token()).data().get(0)
                .get("requestedRole").asString()).isEqualTo("manager");
        ShareRequested event = (ShareRequested) kafka().eventsUntil(Topics.SHARE_EVENTS, shareId.toString(),
                events -> !events.isEmpty()).get(0);
        assertThat(event.getRole()).isEqualTo("downloader");

        // A role within the maximum is what was asked; the answer has no requestedRole.
        Response within = api.post(shares(resource), sharer.token(), Map.of("recipientEmail", "c@example.com",
                "role", "viewer"));
        assertThat(within.data().get("shares").get(0).get("role").asString()).isEqualTo("viewer");
        assertThat(within.data().get("shares").get(0).has("requestedRole")).isFalse();
        String withinId = within.data().get("shares").get(0).get("shareId").asString();
        assertThat(api.get("/v1/shares/" + withinId, sharer.token()).data().has("requestedRole")).isFalse();
    }

    @Test
    void aLinksRoleIsLoweredToo() {
        policy(Map.of("maxRole", "viewer"));
        UUID resource = createDocument(sharer);

        Response response = api.post(links(resource), sharer.token(), Map.of("audience", "anyone", "role", "downloader"));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.data().get("role").asString()).isEqualTo("viewer");
        assertThat(response.data().get("requestedRole").asString()).isEqualTo("downloader");
        String shareId = response.data().get("shareId").asString();
        JsonNode read = api.get("/v1/shares/" + shareId, sharer.token()).data();
        assertThat(read.get("role").asString()).isEqualTo("viewer");
        assertThat(read.get("requestedRole").asString()).isEqualTo("downloader");
        ShareLinkCreated event = (ShareLinkCreated) kafka().eventsUntil(Topics.SHARE_EVENTS, shareId,
                events -> !events.isEmpty()).get(0);
        assertThat(event.getRole()).isEqualTo("viewer");
    }

    @Test
    void aRecipientOutsideTheAllowedDomainsIsRefusedNamingTheFieldAndNothingIsWritten() {
        policy(Map.of("allowedRecipientDomains", List.of("acme.example")));
        UUID resource = createDocument(sharer);
        UUID outsider = UUID.randomUUID();
        knownUser(outsider, organization, "colleague-" + outsider.toString().substring(0, 8) + "@elsewhere.example",
                null);

        assertRefused(shares(resource), Map.of("recipientEmail", "eve@elsewhere.example"), "recipientEmail");
        assertRefused(shares(resource), Map.of("recipients", List.of(Map.of("email", "ann@acme.example"),
                Map.of("email", "eve@evilacme.example"))), "recipients[1].email");
        // A user id is checked by the user's address.
        assertRefused(shares(resource), Map.of("recipients", List.of(Map.of("email", "ann@acme.example"),
                Map.of("email", "bob@eu.acme.example"), Map.of("userId", outsider.toString()))), "recipients[2].userId");
        assertRefused(links(resource), Map.of("audience", "users", "recipients",
                List.of(Map.of("email", "eve@elsewhere.example"))), "recipients[0].email");
        assertRefused(links(resource), Map.of("audience", "anyone", "recipients",
                List.of(Map.of("userId", outsider.toString()))), "recipients[0].userId");
        Response refused = api.post(shares(resource), sharer.token(), Map.of("recipientEmail", "eve@elsewhere.example"));
        assertThat(refused.error().get("extension").get("allowedRecipientDomains").get(0).asString())
                .isEqualTo("acme.example");
        Response xml = api.send("POST", shares(resource), sharer.token(),
                "<share><recipientEmail>eve@elsewhere.example</recipientEmail></share>",
                Map.of("Content-Type", "application/xml", "Accept", "application/xml"));
        assertThat(xml.status()).as(xml.toString()).isEqualTo(422);
        assertThat(xml.body()).contains("<field>recipientEmail</field>").contains("acme.example");

        // The domain, any case, and its subdomains are fine.
        Response accepted = api.post(shares(resource), sharer.token(), Map.of("recipients",
                List.of(Map.of("email", "Ann@ACME.example"), Map.of("email", "bob@eu.acme.example"))));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(api.post(links(resource), sharer.token(), Map.of("audience", "anyone")).status()).isEqualTo(201);
    }

    @Test
    void aLinkAudienceThePolicyDoesNotAllowIsRefused() {
        policy(Map.of("linkAudiences", List.of("organization", "users")));
        UUID resource = createDocument(sharer);

        assertRefused(links(resource), Map.of("audience", "anyone"), "audience");
        assertRefused(links(resource), Map.of("audience", "password", "password", "long enough pw"), "audience");
        Response refused = api.post(links(resource), sharer.token(), Map.of("audience", "anyone"));
        assertThat(refused.error().get("extension").get("linkAudiences")).hasSize(2);
        assertThat(api.post(links(resource), sharer.token(), Map.of("audience", "organization")).status())
                .isEqualTo(201);

        policy(Map.of("linkAudiences", List.of()));
        assertRefused(links(resource), Map.of("audience", "organization"), "audience");
        // Direct shares are not links: they go on.
        assertThat(api.post(shares(resource), sharer.token(), Map.of("recipientEmail", "a@example.com")).status())
                .isEqualTo(202);
    }

    @Test
    void anExpiryPastTheMaximumIsRefusedNamingTheField() {
        policy(Map.of("maxExpiryDays", 30));
        UUID resource = createDocument(sharer);
        String tooLate = Instant.now().plus(Duration.ofDays(31)).toString();
        String inTime = Instant.now().plus(Duration.ofDays(29)).toString();

        assertRefused(shares(resource), Map.of("recipientEmail", "a@example.com", "expiresAt", tooLate), "expiresAt");
        assertRefused(links(resource), Map.of("audience", "anyone", "expiresAt", tooLate), "expiresAt");
        assertRefused(links(resource), Map.of("audience", "anyone", "durationHours", 30 * 24 + 1), "durationHours");
        Response refused = api.post(shares(resource), sharer.token(), Map.of("recipientEmail", "a@example.com",
                "expiresAt", tooLate));
        assertThat(refused.error().get("extension").get("maxExpiryDays").asInt()).isEqualTo(30);

        assertThat(api.post(shares(resource), sharer.token(), Map.of("recipientEmail", "a@example.com",
                "expiresAt", inTime)).status()).isEqualTo(202);
        assertThat(api.post(links(resource), sharer.token(), Map.of("audience", "anyone", "durationHours", 30 * 24))
                .status()).isEqualTo(201);
        // Without requireExpiry a share may still never expire.
        Response never = api.post(shares(resource), sharer.token(), Map.of("recipientEmail", "b@example.com"));
        assertThat(never.data().get("shares").get(0).get("expiresAt").isNull()).isTrue();
    }

    @Test
    void requireExpiryGivesAShareOrLinkWithoutOneTheMaximum() {
        policy(Map.of("maxExpiryDays", 7, "requireExpiry", true));
        UUID resource = createDocument(sharer);
        Instant before = Instant.now();

        Response share = api.post(shares(resource), sharer.token(), Map.of("recipientEmail", "a@example.com"));
        Response link = api.post(links(resource), sharer.token(), Map.of("audience", "anyone"));

        Instant after = Instant.now();
        assertThat(share.status()).as(share.toString()).isEqualTo(202);
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        Instant shareExpiry = Instant.parse(share.data().get("shares").get(0).get("expiresAt").asString());
        Instant linkExpiry = Instant.parse(link.data().get("expiresAt").asString());
        for (Instant expiry : List.of(shareExpiry, linkExpiry)) {
            assertThat(expiry).isBetween(before.plus(Duration.ofDays(7)).minusMillis(1), after.plus(Duration.ofDays(7)));
        }
        String shareId = share.data().get("shares").get(0).get("shareId").asString();
        assertThat(Instant.parse(api.get("/v1/shares/" + shareId, sharer.token()).data().get("expiresAt").asString()))
                .isEqualTo(shareExpiry);
        ShareRequested event = (ShareRequested) kafka().eventsUntil(Topics.SHARE_EVENTS, shareId,
                events -> !events.isEmpty()).get(0);
        assertThat(event.getExpiresAt()).isEqualTo(shareExpiry);

        // An expiry within the maximum stays what was asked.
        String soon = Instant.now().plus(Duration.ofDays(2)).toString();
        Response asked = api.post(shares(resource), sharer.token(), Map.of("recipientEmail", "b@example.com",
                "expiresAt", soon));
        assertThat(Instant.parse(asked.data().get("shares").get(0).get("expiresAt").asString()))
                .isEqualTo(Instant.parse(soon).truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void theIdempotentReplayReturnsTheOriginalAnswerAfterThePolicyChanged() {
        UUID resource = createDocument(sharer);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("recipientEmail", "a@other.example", "role", "manager");
        Response first = api.post(shares(resource), sharer.token(), body, key);
        assertThat(first.data().get("shares").get(0).get("role").asString()).isEqualTo("manager");

        policy(Map.of("maxRole", "viewer", "allowedRecipientDomains", List.of("acme.example")));
        Response again = api.post(shares(resource), sharer.token(), body, key);

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isEqualTo(1);

        // A lowered answer is replayed as it was, requestedRole included.
        Map<String, String> other = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> lowered = Map.of("recipientEmail", "ann@acme.example", "role", "contributor");
        Response loweredFirst = api.post(shares(resource), sharer.token(), lowered, other);
        Response loweredAgain = api.post(shares(resource), sharer.token(), lowered, other);
        assertThat(loweredFirst.data().get("shares").get(0).get("requestedRole").asString()).isEqualTo("contributor");
        assertThat(loweredAgain.json()).isEqualTo(loweredFirst.json());
    }

    @Test
    void recipientsByUserIdCarryTheirIdAndDisplayName() {
        UUID resource = createDocument(sharer);
        UUID named = UUID.randomUUID();
        UUID unnamed = UUID.randomUUID();
        String namedEmail = "named-" + named.toString().substring(0, 8) + "@producer.example";
        knownUser(named, organization, namedEmail, "Nia Named");
        knownUser(unnamed, organization, "unnamed-" + unnamed.toString().substring(0, 8) + "@producer.example", null);

        Response response = api.post(shares(resource), sharer.token(), Map.of("recipients", List.of(
                Map.of("userId", named.toString()), Map.of("userId", unnamed.toString()),
                Map.of("email", "plain@example.com"))));

        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode shares = response.data().get("shares");
        assertThat(shares.get(0).get("recipientEmail").asString()).isEqualTo(namedEmail);
        assertThat(shares.get(0).get("recipientUserId").asString()).isEqualTo(named.toString());
        assertThat(shares.get(0).get("recipientName").asString()).isEqualTo("Nia Named");
        assertThat(shares.get(1).get("recipientUserId").asString()).isEqualTo(unnamed.toString());
        assertThat(shares.get(1).has("recipientName")).isFalse();
        assertThat(shares.get(2).get("recipientUserId").isNull()).isTrue();
        assertThat(shares.get(2).has("recipientName")).isFalse();

        JsonNode read = api.get("/v1/shares/" + shares.get(0).get("shareId").asString(), sharer.token()).data();
        assertThat(read.get("recipientUserId").asString()).isEqualTo(named.toString());
        assertThat(read.get("recipientName").asString()).isEqualTo("Nia Named");
        JsonNode listed = api.get("/v1/shares?recipientEmail=" + namedEmail, sharer.token()).data().get(0);
        assertThat(listed.get("recipientUserId").asString()).isEqualTo(named.toString());
        assertThat(listed.get("recipientName").asString()).isEqualTo("Nia Named");

        Response link = api.post(links(resource), sharer.token(), Map.of("audience", "users", "recipients",
                List.of(Map.of("userId", named.toString()))));
        assertThat(link.status()).as(link.toString()).isEqualTo(201);
        assertThat(link.data().get("recipients").get(0).get("name").asString()).isEqualTo("Nia Named");
        JsonNode readLink = api.get("/v1/shares/" + link.data().get("shareId").asString(), sharer.token()).data();
        assertThat(readLink.get("recipients").get(0).get("userId").asString()).isEqualTo(named.toString());
        assertThat(readLink.get("recipients").get(0).get("name").asString()).isEqualTo("Nia Named");
        assertThat(readLink.has("recipientUserId")).isFalse();
    }

    @Test
    void aChangeOfAShareMeetsThePolicyToo() {
        UUID resource = createDocument(sharer);
        String shareId = api.post(shares(resource), sharer.token(), Map.of("recipientEmail", "pat@example.com",
                "role", "viewer")).data().get("shares").get(0).get("shareId").asString();
        String linkId = api.post(links(resource), sharer.token(), Map.of("audience", "organization"))
                .data().get("shareId").asString();
        policy(Map.of("maxRole", "downloader", "linkAudiences", List.of("organization"), "maxExpiryDays", 30));

        // A role above the maximum is lowered; the share keeps what was asked.
        Response lowered = api.send("PATCH", "/v1/shares/" + shareId, sharer.token(), Map.of("role", "manager"));
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        assertThat(lowered.data().get("role").asString()).isEqualTo("downloader");
        assertThat(lowered.data().get("requestedRole").asString()).isEqualTo("manager");
        // Asking for a role within it clears requestedRole; a change without a role keeps it as it is.
        Response within = api.send("PATCH", "/v1/shares/" + shareId, sharer.token(), Map.of("role", "viewer"));
        assertThat(within.data().get("role").asString()).isEqualTo("viewer");
        assertThat(within.data().has("requestedRole")).isFalse();

        // An expiry past the maximum, or an audience the policy refuses: 422 naming the field, nothing changed.
        long outbox = count("select count(*) from outbox_event");
        Response tooLate = api.send("PATCH", "/v1/shares/" + shareId, sharer.token(),
                Map.of("expiresAt", Instant.now().plus(31, ChronoUnit.DAYS).toString()));
        assertThat(tooLate.status()).as(tooLate.toString()).isEqualTo(422);
        assertThat(tooLate.error().get("extension").get("field").asString()).isEqualTo("expiresAt");
        Response audience = api.send("PATCH", "/v1/shares/" + linkId, sharer.token(), Map.of("audience", "anyone"));
        assertThat(audience.status()).as(audience.toString()).isEqualTo(422);
        assertThat(audience.error().get("extension").get("field").asString()).isEqualTo("audience");
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outbox);
        assertThat(count("select count(*) from share where id = ? and expires_at is null", UUID.fromString(shareId)))
                .isEqualTo(1);

        // Under requireExpiry, clearing the expiry gives the maximum.
        policy(Map.of("maxExpiryDays", 30, "requireExpiry", true));
        Response cleared = api.send("PATCH", "/v1/shares/" + shareId, sharer.token(), java.util.Collections
                .singletonMap("expiresAt", null));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(Instant.parse(cleared.data().get("expiresAt").asString()))
                .isBetween(Instant.now().plus(30, ChronoUnit.DAYS).minus(Duration.ofMinutes(5)),
                        Instant.now().plus(30, ChronoUnit.DAYS));
    }

    /** Sets the organisation's policy as its producer-admin. */
    private void policy(Map<String, Object> policy) {
        Response response = api.send("PUT", "/v1/sharing-policy", admin.token(), policy);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** 422 naming the field; no share and no outbox row written. */
    private void assertRefused(String path, Map<String, Object> body, String field) {
        long shares = count("select count(*) from share where organization_id = ?", organization);
        long outbox = count("select count(*) from outbox_event");

        Response response = api.post(path, sharer.token(), body);

        assertThat(response.status()).as(field + ": " + response).isEqualTo(422);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("UnprocessableEntity");
        assertThat(response.error().get("extension").get("field").asString()).as(response.toString()).isEqualTo(field);
        assertThat(count("select count(*) from share where organization_id = ?", organization)).isEqualTo(shares);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    private void knownUser(UUID userId, UUID organizationId, String email, String displayName) {
        publish(Topics.USER_DIRECTORY, userId, UserUpserted.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setUserId(userId).setOrganizationId(organizationId).setEmail(email)
                .setDisplayName(displayName).setStatus("ACTIVE").build());
        await().until(() -> count("select count(*) from directory_user where user_id = ?", userId) == 1);
    }

    private static String shares(UUID resource) {
        return "/v1/shares/" + resource;
    }

    private static String links(UUID resource) {
        return "/v1/shares/" + resource + "/links";
    }
}
