package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.share.model.LinkToken;
import io.shareflow.api.support.Caller;
import io.shareflow.events.RecipientRejected;
import io.shareflow.events.ShareOpened;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient.Response;
import io.shareflow.testsupport.SecretScanner;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Direct shares open by their own link (DESIGN.md "Direct shares"), and the outcomes every share has. */
class DirectShareOpeningIT extends OpeningIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void aNewRecipientOpensWithoutSignInAndSeesTheShare() {
        UUID resource = createDocument(sharer);
        Shared share = shareWith(sharer, resource, newAddress("ann"),
                Map.of("role", "downloader", "expiresAt", "2030-01-31T00:00:00Z"));

        Response response = open(share.token(), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        JsonNode data = response.data();
        assertThat(data.get("shareId").asString()).isEqualTo(share.shareId().toString());
        assertThat(data.get("type").asString()).isEqualTo("person");
        assertThat(data.has("audience")).isFalse();
        assertThat(data.has("items")).as("a file has no items").isFalse();
        assertThat(data.get("resource").get("id").asString()).isEqualTo(resource.toString());
        assertThat(data.get("resource").get("kind").asString()).isEqualTo("file");
        assertThat(data.get("resource").get("documentType").asString()).isEqualTo("asset-document");
        assertThat(data.get("resource").get("name").asString()).startsWith("file ");
        assertThat(data.get("role").asString()).isEqualTo("downloader");
        assertThat(data.get("canDownload").asBoolean()).isTrue();
        assertThat(data.get("expiresAt").asString()).isEqualTo("2030-01-31T00:00:00Z");
        assertThat(data.get("sharedBy").get("name").asString()).isEqualTo(sharer.name());
        assertThat(data.get("sharedBy").get("email").asString()).isEqualTo(sharer.email());
        assertThat(Instant.parse(data.get("sharedAt").asString())).isBefore(Instant.now().plusSeconds(1));
        assertThat(outcomes(share.shareId())).containsExactly("OPENED");
    }

    @Test
    void aRecipientWithAnAccountMustSignInAsThemselves() {
        UUID recipientId = UUID.randomUUID();
        String email = newAddress("registered");
        directoryHas(recipientId, sharer.organizationId(), email, "ACTIVE", Instant.now().minusSeconds(60));
        Shared share = shareWith(sharer, createDocument(sharer), email);

        JsonNode signIn = assertRefused(open(share.token(), null), 401, "Unauthorized", Refusal.SIGN_IN_REQUIRED);
        assertThat(signIn.get("extension").get("required").asString()).isEqualTo("sign-in");
        assertThat(open(share.token(), null).header("WWW-Authenticate")).isEqualTo("Bearer");

        Caller recipient = user(recipientId, sharer.organizationId(), email, "Reg Istered");
        assertThat(open(share.token(), recipient.token()).status()).isEqualTo(200);
        // The platform's sign-in cookie counts here, as the same JWT.
        Response byCookie = open(share.token(), null, Map.of("Cookie", "shareflow_session=" + recipient.token()));
        assertThat(byCookie.status()).as(byCookie.toString()).isEqualTo(200);

        Caller someoneElse = Caller.of(sharer.organizationId(), "admin");
        JsonNode outside = assertRefused(open(share.token(), someoneElse.token()), 403, "NoPermission",
                Refusal.OUTSIDE_AUDIENCE);
        assertThat(outside.get("extension").get("askWhom").get("email").asString()).isEqualTo(sharer.email());
        assertThat(outside.get("extension").get("askWhom").get("name").asString()).isEqualTo(sharer.name());
        assertThat(outside.get("message").asString()).contains(sharer.email());

        // A cookie that is no valid token is no sign-in (anonymous), not a 401 of its own.
        assertRefused(open(share.token(), null, Map.of("Cookie", "shareflow_session=not-a-jwt")), 401, "Unauthorized",
                Refusal.SIGN_IN_REQUIRED);

        // Deactivated later: the account was there, so the link still never opens anonymously.
        directoryHas(recipientId, sharer.organizationId(), email, "DEACTIVATED", Instant.now());
        assertRefused(open(share.token(), null), 401, "Unauthorized", Refusal.SIGN_IN_REQUIRED);
        assertThat(outcomes(share.shareId())).containsExactly("SIGN_IN_REQUIRED", "SIGN_IN_REQUIRED", "OPENED",
                "OPENED", "OUTSIDE_AUDIENCE", "SIGN_IN_REQUIRED", "SIGN_IN_REQUIRED");
    }

    @Test
    void aRecipientCreatedForTheShareOpensAnonymouslyUntilTheyRegister() {
        UUID recipientId = UUID.randomUUID();
        String email = newAddress("created");
        Shared share = shareWith(sharer, createDocument(sharer), email);
        // user-provisioner created a deactivated account for them: never registered.
        directoryHas(recipientId, sharer.organizationId(), email, "DEACTIVATED", Instant.now().minusSeconds(10));
        assertThat(open(share.token(), null).status()).isEqualTo(200);

        directoryActivates(recipientId, sharer.organizationId(), email, Instant.now());

        assertRefused(open(share.token(), null), 401, "Unauthorized", Refusal.SIGN_IN_REQUIRED);
        // Matched by user id, whatever address the token names.
        Caller recipient = user(recipientId, sharer.organizationId(), "renamed@recipient.example", "R");
        assertThat(open(share.token(), recipient.token()).status()).isEqualTo(200);
    }

    @Test
    void aRecipientNamedByUserIdIsMatchedByIt() {
        UUID recipientId = UUID.randomUUID();
        String email = newAddress("by-id");
        directoryHas(recipientId, sharer.organizationId(), email, "ACTIVE", Instant.now().minusSeconds(5));
        Response accepted = api.post("/v1/shares/" + createDocument(sharer), sharer.token(),
                Map.of("recipients", List.of(Map.of("userId", recipientId.toString()))));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        String token = SecretScanner.tokenOf(
                accepted.data().get("shares").get(0).get("url").asString());

        assertRefused(open(token, null), 401, "Unauthorized", Refusal.SIGN_IN_REQUIRED);
        assertThat(open(token, user(recipientId, sharer.organizationId(), null, null).token()).status()).isEqualTo(200);
    }

    @Test
    void requireSignInOpensOnlyForTheRecipientSignedInEvenBeforeTheyHaveAnAccount() {
        String email = newAddress("must-sign-in");
        Shared share = shareWith(sharer, createDocument(sharer), email, Map.of("requireSignIn", true));

        assertRefused(open(share.token(), null), 401, "Unauthorized", Refusal.SIGN_IN_REQUIRED);
        // By address, in any case, when the token's user id is not known as the recipient yet.
        Caller recipient = user(UUID.randomUUID(), UUID.randomUUID(), email.toUpperCase(), "Ann");
        assertThat(open(share.token(), recipient.token()).status()).isEqualTo(200);
        assertRefused(open(share.token(), Caller.of(sharer.organizationId(), "viewer").token()), 403, "NoPermission",
                Refusal.OUTSIDE_AUDIENCE);
    }

    @Test
    void aRejectedShareIsGoneAndSaysWhy() {
        Shared share = shareWith(sharer, createDocument(sharer), newAddress("elsewhere"));
        publish(Topics.SHARE_PROVISIONING, share.shareId(), RecipientRejected.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setShareId(share.shareId()).setCausationEventId(UUID.randomUUID())
                .setRecipientEmail("x@recipient.example").setReason("the recipient joined another organisation")
                .build());

        await().until(() -> open(share.token(), null).status() == 410);
        JsonNode gone = assertRefused(open(share.token(), null), 410, "Gone", Refusal.REJECTED);
        assertThat(gone.get("extension").get("reason").asString()).isEqualTo("the recipient joined another organisation");
        assertThat(gone.get("message").asString()).contains("the recipient joined another organisation");
    }

    @Test
    void aShareIsExpiredAsSoonAsItsExpiryPassesBeforeAnySweep() {
        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Shared share = shareWith(sharer, createDocument(sharer), newAddress("soon"),
                Map.of("expiresAt", expiresAt.toString()));
        assertThat(open(share.token(), null).status()).isEqualTo(200);

        await().until(() -> open(share.token(), null).status() == 410);
        assertRefused(open(share.token(), null), 410, "Gone", Refusal.EXPIRED);
        assertThat(jdbc.sql("select status from share where id = ?").param(share.shareId()).query(String.class)
                .single()).as("no sweep has run").isNotEqualTo("EXPIRED");
    }

    @Test
    void aRevokedShareIsGone() {
        Shared share = shareWith(sharer, createDocument(sharer), newAddress("revoked"));
        assertThat(api.send("DELETE", "/v1/shares/" + share.shareId(), sharer.token(), null).status()).isEqualTo(204);

        JsonNode gone = assertRefused(open(share.token(), null), 410, "Gone", Refusal.REVOKED);
        assertThat(gone.get("message").asString()).contains("revoked");
    }

    @Test
    void anUnknownTokenIsNotFoundAndRecordsNothing() {
        long opens = count("select count(*) from share_open");
        assertRefused(open(LinkToken.generate().value(), null), 404, "NotFound", Refusal.UNKNOWN_TOKEN);
        assertThat(count("select count(*) from share_open")).isEqualTo(opens);
    }

    @Test
    void aSuccessfulOpenPublishesShareOpenedAndARefusedOneDoesNot() {
        UUID resource = createDocument(sharer);
        String email = newAddress("event");
        Shared share = shareWith(sharer, resource, email, Map.of("requireSignIn", true));
        assertThat(open(share.token(), null).status()).isEqualTo(401);
        Caller recipient = user(UUID.randomUUID(), sharer.organizationId(), email, "E");
        assertThat(open(share.token(), recipient.token()).status()).isEqualTo(200);

        List<SpecificRecord> events = kafka().eventsUntil(Topics.SHARE_EVENTS, share.shareId().toString(),
                all -> all.stream().anyMatch(ShareOpened.class::isInstance));
        ShareOpened opened = events.stream().filter(ShareOpened.class::isInstance).map(ShareOpened.class::cast)
                .findFirst().orElseThrow();
        assertThat(opened.getShareId()).isEqualTo(share.shareId());
        assertThat(opened.getOrganizationId()).isEqualTo(sharer.organizationId());
        assertThat(opened.getResourceId()).isEqualTo(resource);
        assertThat(opened.getShareType()).isEqualTo("person");
        assertThat(opened.getOpenedByUserId()).isEqualTo(recipient.userId());
        assertThat(opened.getChannel()).isEqualTo("api");
        // The refused open came first and wrote nothing to the outbox.
        assertThat(count("select count(*) from outbox_event where aggregateid = ? and type = 'ShareOpened'",
                share.shareId().toString())).isEqualTo(1);
    }
}
