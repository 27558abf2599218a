package io.shareflow.api.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.events.LinkRecipient;
import io.shareflow.events.ShareLinkCreated;
import io.shareflow.events.UserUpserted;
import io.shareflow.schemas.Topics;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.SecretScanner;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code POST /v1/shares/{resourceId}/links} over HTTP against the real service: what it answers, what it records in
 * one transaction, what it publishes, its Idempotency-Key, and the refusals it shares with direct shares. The bad
 * inputs of the endpoint are {@link LinkRequestRefusalsIT}'s; the e-mail state of each recipient {@code
 * LinkNotificationIT}'s.
 */
class LinkSharingIT extends ShareApiIntegrationSupport {

    private final Caller sharer = Caller.sharer();

    @Test
    void anAnyoneLinkIsRecordedActiveWithItsRecipientsAndPublished() throws Exception {
        UUID resource = createDocument(sharer);

        HttpTestClient.Response response = api.post(links(resource), sharer.token(), Map.of(
                "audience", "anyone", "role", "downloader", "name", "Pump manual for the crew",
                "expiresAt", "2099-01-31T01:00:00.123456+01:00",
                "recipients", List.of(Map.of("email", "Ann@Example.com"), Map.of("email", "ann@example.COM"),
                        Map.of("email", "bob@example.com")),
                "subject", "The manual", "message", "Hi,\r\nhere it is."));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode data = response.data();
        UUID shareId = UUID.fromString(data.get("shareId").asString());
        assertThat(response.header("Location")).isEqualTo("/v1/shares/" + shareId);
        assertThat(data.get("audience").asString()).isEqualTo("anyone");
        assertThat(data.get("role").asString()).isEqualTo("downloader");
        assertThat(data.get("name").asString()).isEqualTo("Pump manual for the crew");
        assertThat(data.get("expiresAt").asString()).isEqualTo("2099-01-31T00:00:00.123Z");
        assertThat(data.get("recipients")).extracting(r -> r.get("email").asString() + " " + r.get("userId").isNull()
                + " " + r.get("notification").asString())
                .containsExactly("Ann@Example.com true PENDING", "bob@example.com true PENDING");
        String url = data.get("url").asString();
        assertThat(url).startsWith(LINK_BASE + "/s/");
        String token = SecretScanner.tokenOf(url);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");

        // One transaction: the link share, its recipients, its first history entry, its event.
        assertThat(count("""
                select count(*) from share where id = ? and type = 'link' and status = 'ACTIVE' and provisioning = 'NONE'
                 and notification = 'SKIPPED' and recipient_email is null and audience = 'anyone' and role = 'downloader'
                 and name = 'Pump manual for the crew' and password_hash is null and require_sign_in = false
                 and notify = true and subject = 'The manual' and message = ? and sharer_name = ? and sharer_email = ?
                 and created_by = ? and link_token_hash = ?
                """, shareId, "Hi,\nhere it is.", sharer.name(), sharer.email(), sharer.userId(),
                MessageDigest.getInstance("SHA-256").digest(token.getBytes()))).isEqualTo(1);
        byte[] stored = jdbc.sql("select link_sealed from share where id = ?").param(shareId).query(byte[].class).single();
        assertThat(seals().open(stored, shareId.toString())).isEqualTo(url);
        assertThat(jdbc.sql("select position || ' ' || email || ' ' || notification from share_link_recipient"
                        + " where share_id = ? order by position").param(shareId).query(String.class).list())
                .containsExactly("0 Ann@Example.com PENDING", "1 bob@example.com PENDING");
        assertThat(jdbc.sql("select status || ' ' || cause from share_history where share_id = ?").param(shareId)
                .query(String.class).list()).containsExactly("ACTIVE ShareLinkCreated");
        assertThat(count("select count(*) from outbox_event where aggregateid = ? and type = 'ShareLinkCreated'"
                + " and topic = 'share.events.v1'", shareId.toString())).isEqualTo(1);

        ShareLinkCreated event = awaitLinkCreated(shareId);
        assertThat(event.getLinkId()).isEqualTo(shareId);
        assertThat(event.getOrganizationId()).isEqualTo(sharer.organizationId());
        assertThat(event.getResourceId()).isEqualTo(resource);
        assertThat(event.getResourceName()).startsWith("file ");
        assertThat(event.getResourceKind()).isEqualTo("file");
        assertThat(event.getCreatedBy()).isEqualTo(sharer.userId());
        assertThat(event.getSharerName()).isEqualTo(sharer.name());
        assertThat(event.getSharerEmail()).isEqualTo(sharer.email());
        assertThat(event.getAudience()).isEqualTo("anyone");
        assertThat(event.getRole()).isEqualTo("downloader");
        assertThat(event.getName()).isEqualTo("Pump manual for the crew");
        assertThat(event.getExpiresAt()).isEqualTo(Instant.parse("2099-01-31T00:00:00.123Z"));
        assertThat(event.getRecipients()).extracting(LinkRecipient::getEmail)
                .containsExactly("Ann@Example.com", "bob@example.com");
        assertThat(event.getRecipients()).extracting(LinkRecipient::getUserId).containsOnlyNulls();
        assertThat(event.getNotify()).isTrue();
        assertThat(event.getSubject()).isEqualTo("The manual");
        assertThat(event.getMessage()).isEqualTo("Hi,\nhere it is.");
        // The link only sealed for this share, exactly as ShareRequested's; the record holds no form of the token.
        assertThat(seals().open(bytes(event.getSealedLink()), shareId.toString())).isEqualTo(url);
        ConsumerRecord<String, byte[]> record = kafka().readUntil(Topics.SHARE_EVENTS,
                        all -> all.stream().anyMatch(r -> shareId.toString().equals(r.key()))).stream()
                .filter(r -> shareId.toString().equals(r.key())).findFirst().orElseThrow();
        assertThat(SecretScanner.of(token).findIn(record.value())).isEmpty();
        assertThat(new String(record.headers().lastHeader("ce_type").value())).contains("ShareLinkCreated");
    }

    @Test
    void anOrganizationLinkNeedsNoRecipientsAndLastsDurationHours() {
        UUID folder = createResource(sharer, "folder", null, null, null);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        HttpTestClient.Response response = api.post(links(folder), sharer.token(), Map.of(
                "audience", "organization", "durationHours", 24));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode data = response.data();
        assertThat(data.get("role").asString()).isEqualTo("viewer");
        assertThat(data.get("name").isNull()).isTrue();
        assertThat(data.get("recipients")).isEmpty();
        Instant expiresAt = Instant.parse(data.get("expiresAt").asString());
        assertThat(expiresAt).isBetween(before.plus(24, ChronoUnit.HOURS), Instant.now().plus(24, ChronoUnit.HOURS));
        UUID shareId = UUID.fromString(data.get("shareId").asString());
        assertThat(count("select count(*) from share_link_recipient where share_id = ?", shareId)).isZero();
        ShareLinkCreated event = awaitLinkCreated(shareId);
        assertThat(event.getAudience()).isEqualTo("organization");
        assertThat(event.getResourceKind()).isEqualTo("folder");
        assertThat(event.getExpiresAt()).isEqualTo(expiresAt);
        assertThat(event.getRecipients()).isEmpty();
    }

    @Test
    void aUsersLinkIsForItsRecipientsByAddressOrUserId() {
        UUID resource = createDocument(sharer);
        UUID colleague = UUID.randomUUID();
        String colleagueEmail = "colleague-" + colleague.toString().substring(0, 8) + "@producer.example";
        knownUser(colleague, sharer.organizationId(), colleagueEmail);

        HttpTestClient.Response response = api.post(links(resource), sharer.token(), Map.of(
                "audience", "users", "notify", false,
                "recipients", List.of(Map.of("userId", colleague.toString()), Map.of("email", "guest@example.com"),
                        Map.of("email", colleagueEmail.toUpperCase()))));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.data().get("recipients")).extracting(r -> r.get("email").asString() + " "
                        + (r.get("userId").isNull() ? "-" : r.get("userId").asString()) + " " + r.get("notification").asString())
                .containsExactly(colleagueEmail + " " + colleague + " SKIPPED", "guest@example.com - SKIPPED");
        UUID shareId = UUID.fromString(response.data().get("shareId").asString());
        assertThat(count("select count(*) from share_link_recipient where share_id = ? and notification = 'SKIPPED'",
                shareId)).isEqualTo(2);
        assertThat(count("select count(*) from share_link_recipient where share_id = ? and user_id = ?", shareId,
                colleague)).isEqualTo(1);
        ShareLinkCreated event = awaitLinkCreated(shareId);
        assertThat(event.getNotify()).isFalse();
        assertThat(event.getRecipients()).extracting(r -> r.getEmail() + " " + r.getUserId())
                .containsExactly(colleagueEmail + " " + colleague, "guest@example.com null");
    }

    @Test
    void aPasswordLinkKeepsOnlyTheBcryptHashOfItsPassword() {
        UUID collection = createResource(sharer, "collection", null, null, null);
        String password = "correct horse battery staple €";

        HttpTestClient.Response response = api.post(links(collection), sharer.token(), Map.of(
                "audience", "password", "password", password));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.body()).doesNotContain(password);
        UUID shareId = UUID.fromString(response.data().get("shareId").asString());
        String hash = jdbc.sql("select password_hash from share where id = ?").param(shareId).query(String.class)
                .single();
        assertThat(hash).startsWith("$2a$10$");
        assertThat(new BCryptPasswordEncoder().matches(password, hash)).isTrue();
        assertThat(new BCryptPasswordEncoder().matches("correct horse battery staple", hash)).isFalse();
        assertThat(awaitLinkCreated(shareId).getAudience()).isEqualTo("password");
    }

    @Test
    void theSameIdempotencyKeyAndBodyReplayTheLinkAndAnotherPasswordIsAConflict() {
        UUID resource = createDocument(sharer);
        Map<String, Object> body = Map.of("audience", "password", "password", "first password",
                "recipients", List.of(Map.of("email", "a@example.com")));
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        HttpTestClient.Response first = api.post(links(resource), sharer.token(), body, key);
        HttpTestClient.Response again = api.post(links(resource), sharer.token(), body, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isEqualTo(1);
        assertThat(count("select count(*) from outbox_event where aggregateid = ?",
                first.data().get("shareId").asString())).isEqualTo(1);

        Map<String, Object> otherPassword = new LinkedHashMap<>(body);
        otherPassword.put("password", "second password");
        HttpTestClient.Response conflict = api.post(links(resource), sharer.token(), otherPassword, key);
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
        assertThat(conflict.error().get("errorCode").asString()).isEqualTo("Conflict");
        Map<String, Object> otherName = new LinkedHashMap<>(body);
        otherName.put("name", "Another");
        assertThat(api.post(links(resource), sharer.token(), otherName, key).status()).isEqualTo(409);
        // A direct share with the same key is another request.
        assertThat(api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "a@example.com"), key)
                .status()).isEqualTo(409);
        assertThat(count("select count(*) from share where resource_id = ?", resource)).isEqualTo(1);
    }

    @Test
    void aRefusedLinkRequestDoesNotUseUpItsIdempotencyKey() {
        UUID internal = createResource(sharer, "file", "internal", null, null);
        UUID shareable = createDocument(sharer);
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        Map<String, Object> body = Map.of("audience", "anyone");

        assertThat(api.post(links(internal), sharer.token(), body, key).status()).isEqualTo(422);
        assertThat(api.post(links(shareable), sharer.token(), body, key).status()).isEqualTo(201);
    }

    @Test
    void theDirectSharesRefusalsApply() {
        UUID internal = createResource(sharer, "file", "internal", null, null);
        UUID foreign = createDocument(Caller.sharer());
        UUID resource = createDocument(sharer);
        String outsider = "outsider-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.example";
        knownUser(UUID.randomUUID(), UUID.randomUUID(), outsider);
        UUID outsiderId = UUID.randomUUID();
        knownUser(outsiderId, UUID.randomUUID(), "other-" + outsiderId.toString().substring(0, 8) + "@elsewhere.example");
        long shares = count("select count(*) from share");
        long outbox = count("select count(*) from outbox_event");

        HttpTestClient.Response document = api.post(links(internal), sharer.token(), Map.of("audience", "anyone"));
        assertThat(document.status()).isEqualTo(422);
        assertThat(document.error().get("errorCode").asString()).isEqualTo("UnprocessableEntity");
        assertThat(document.error().get("message").asString()).isEqualTo("Operation not allowed for this entity type.");
        assertThat(document.error().get("extension").get("entityType").asString()).isEqualTo("Document");

        for (UUID missing : List.of(foreign, UUID.randomUUID())) {
            HttpTestClient.Response notFound = api.post(links(missing), sharer.token(), Map.of("audience", "anyone"));
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(notFound.error().get("errorCode").asString()).isEqualTo("NotFound");
        }

        HttpTestClient.Response otherOrganisation = api.post(links(resource), sharer.token(), Map.of(
                "audience", "users", "recipients", List.of(Map.of("email", "fine@example.com"),
                        Map.of("email", outsider.toUpperCase()))));
        assertThat(otherOrganisation.status()).as(otherOrganisation.toString()).isEqualTo(422);
        assertThat(otherOrganisation.error().get("extension").get("recipientEmail").asString())
                .isEqualTo(outsider.toUpperCase());

        // A user id of another organisation gets the same answer as an unknown one, as for direct shares.
        for (UUID userId : List.of(outsiderId, UUID.randomUUID())) {
            HttpTestClient.Response unknown = api.post(links(resource), sharer.token(), Map.of(
                    "audience", "users", "recipients", List.of(Map.of("email", "fine@example.com"),
                            Map.of("userId", userId.toString()))));
            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
            assertThat(unknown.error().get("errorCode").asString()).isEqualTo("UnprocessableEntity");
            assertThat(unknown.error().get("extension").get("field").asString()).isEqualTo("recipients[1].userId");
        }

        HttpTestClient.Response viewer = api.post(links(resource), Caller.of(sharer.organizationId(), "viewer").token(),
                Map.of("audience", "anyone"));
        assertThat(viewer.status()).isEqualTo(403);
        assertThat(viewer.error().get("errorCode").asString()).isEqualTo("NoPermission");
        assertThat(api.post(links(resource), null, Map.of("audience", "anyone")).status()).isEqualTo(401);

        assertThat(count("select count(*) from share")).isEqualTo(shares);
        assertThat(count("select count(*) from outbox_event")).isEqualTo(outbox);
    }

    @Test
    void everySharingRoleMayCreateALink() {
        UUID resource = createDocument(sharer);
        for (String role : List.of("admin", "producer-admin", "producer-user", "sales-agent")) {
            HttpTestClient.Response response = api.post(links(resource),
                    Caller.of(sharer.organizationId(), role).token(), Map.of("audience", "organization"));
            assertThat(response.status()).as(role + ": " + response).isEqualTo(201);
        }
        assertThat(count("select count(*) from share where resource_id = ? and type = 'link'", resource)).isEqualTo(4);
    }

    @Test
    void aLinkReadsBackWithItsTypeAudienceNameAndRecipients() {
        UUID resource = createDocument(sharer);
        HttpTestClient.Response created = api.post(links(resource), sharer.token(), Map.of("audience", "users",
                "name", "For the crew", "recipients", List.of(Map.of("email", "ann@example.com"),
                        Map.of("email", "bob@example.com")), "notify", false));
        UUID shareId = UUID.fromString(created.data().get("shareId").asString());

        JsonNode link = api.get("/v1/shares/" + shareId, sharer.token()).data();

        assertThat(link.get("shareId").asString()).isEqualTo(shareId.toString());
        assertThat(link.get("type").asString()).isEqualTo("link");
        assertThat(link.get("resourceId").asString()).isEqualTo(resource.toString());
        assertThat(link.get("recipientEmail").isNull()).isTrue();
        assertThat(link.get("role").asString()).isEqualTo("viewer");
        assertThat(link.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(link.get("audience").asString()).isEqualTo("users");
        assertThat(link.get("name").asString()).isEqualTo("For the crew");
        assertThat(link.get("recipients")).extracting(r -> r.get("email").asString() + " "
                + r.get("notification").asString()).containsExactly("ann@example.com SKIPPED", "bob@example.com SKIPPED");
        assertThat(link.has("provisioning")).isFalse();
        assertThat(link.has("notification")).isFalse();
        assertThat(link.has("requireSignIn")).isFalse();
        assertThat(link.get("url").asString()).isEqualTo(created.data().get("url").asString());
        assertThat(link.get("expiresAt").isNull()).isTrue();
        assertThat(link.get("history")).extracting(h -> h.get("status").asString() + " " + h.get("cause").asString())
                .containsExactly("ACTIVE ShareLinkCreated");

        // The url under the direct shares' rule: the sharer and the organisation's admins, nobody else.
        assertThat(api.get("/v1/shares/" + shareId, Caller.of(sharer.organizationId(), "producer-admin").token())
                .data().get("url").asString()).isEqualTo(created.data().get("url").asString());
        JsonNode forAViewer = api.get("/v1/shares/" + shareId, Caller.of(sharer.organizationId(), "viewer").token())
                .data();
        assertThat(forAViewer.has("url")).isFalse();
        assertThat(forAViewer.get("recipients")).hasSize(2);
        assertThat(api.get("/v1/shares/" + shareId, Caller.sharer().token()).status()).isEqualTo(404);
    }

    @Test
    void theListShowsBothTypesAndFiltersByType() {
        Caller caller = Caller.sharer();
        UUID resource = createDocument(caller);
        HttpTestClient.Response direct = api.post("/v1/shares/" + resource, caller.token(),
                Map.of("recipientEmail", "one@example.com"));
        HttpTestClient.Response link = api.post(links(resource), caller.token(), Map.of("audience", "anyone",
                "recipients", List.of(Map.of("email", "One@Example.com"), Map.of("email", "two@example.com"))));
        assertThat(direct.status()).isEqualTo(202);
        assertThat(link.status()).isEqualTo(201);
        String linkId = link.data().get("shareId").asString();

        assertThat(api.get("/v1/shares", caller.token()).data()).extracting(s -> s.get("type").asString())
                .containsExactlyInAnyOrder("link", "person");
        JsonNode links = api.get("/v1/shares?type=link", caller.token()).data();
        assertThat(links).hasSize(1);
        assertThat(links.get(0).get("shareId").asString()).isEqualTo(linkId);
        assertThat(links.get(0).get("audience").asString()).isEqualTo("anyone");
        assertThat(links.get(0).get("recipients")).extracting(r -> r.get("email").asString() + " "
                + r.get("notification").asString()).containsExactly("One@Example.com PENDING", "two@example.com PENDING");
        assertThat(links.get(0).has("url")).isFalse();
        assertThat(links.get(0).has("history")).isFalse();
        JsonNode people = api.get("/v1/shares?type=person", caller.token()).data();
        assertThat(people).extracting(s -> s.get("recipientEmail").asString()).containsExactly("one@example.com");
        assertThat(people.get(0).get("provisioning").asString()).isEqualTo("PENDING");
        assertThat(people.get(0).has("recipients")).isFalse();
        // A recipient's address finds the direct shares and the links that name them.
        assertThat(api.get("/v1/shares?recipientEmail=ONE@example.com", caller.token()).data()).hasSize(2);
        assertThat(api.get("/v1/shares?recipientEmail=two@example.com", caller.token()).data())
                .extracting(s -> s.get("shareId").asString()).containsExactly(linkId);
        assertThat(api.get("/v1/shares?type=link&status=ACTIVE", caller.token()).data()).hasSize(1);
        assertThat(api.get("/v1/shares?type=link&resourceId=" + UUID.randomUUID(), caller.token()).data()).isEmpty();
        for (String type : List.of("LINK", "links", "direct")) {
            HttpTestClient.Response bad = api.get("/v1/shares?type=" + type, caller.token());
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.error().get("extension").get("field").asString()).isEqualTo("type");
        }
    }

    @Test
    void aDirectShareKeepsRequireSignInAndItsSharer() {
        UUID resource = createDocument(sharer);

        HttpTestClient.Response signIn = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipientEmail", "strict@example.com", "requireSignIn", true));
        HttpTestClient.Response plain = api.post("/v1/shares/" + resource, sharer.token(),
                Map.of("recipientEmail", "plain@example.com"));

        assertThat(signIn.status()).as(signIn.toString()).isEqualTo(202);
        UUID strictId = UUID.fromString(signIn.data().get("shares").get(0).get("shareId").asString());
        UUID plainId = UUID.fromString(plain.data().get("shares").get(0).get("shareId").asString());
        assertThat(count("select count(*) from share where id = ? and type = 'person' and require_sign_in = true"
                + " and audience is null and sharer_name = ? and sharer_email = ?", strictId, sharer.name(),
                sharer.email())).isEqualTo(1);
        assertThat(count("select count(*) from share where id = ? and require_sign_in = false", plainId)).isEqualTo(1);
        JsonNode strict = api.get("/v1/shares/" + strictId, sharer.token()).data();
        assertThat(strict.get("type").asString()).isEqualTo("person");
        assertThat(strict.get("requireSignIn").asBoolean()).isTrue();
        assertThat(strict.get("recipientEmail").asString()).isEqualTo("strict@example.com");
        assertThat(strict.has("audience")).isFalse();
        assertThat(strict.has("recipients")).isFalse();
        assertThat(api.get("/v1/shares/" + plainId, sharer.token()).data().get("requireSignIn").asBoolean()).isFalse();

        // requireSignIn is part of the request an Idempotency-Key stands for.
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        assertThat(api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "k@example.com"), key)
                .status()).isEqualTo(202);
        assertThat(api.post("/v1/shares/" + resource, sharer.token(), Map.of("recipientEmail", "k@example.com",
                "requireSignIn", true), key).status()).isEqualTo(409);
    }

    private static String links(UUID resource) {
        return "/v1/shares/" + resource + "/links";
    }

    private ShareLinkCreated awaitLinkCreated(UUID shareId) {
        return (ShareLinkCreated) kafka().eventsUntil(Topics.SHARE_EVENTS, shareId.toString(),
                events -> !events.isEmpty()).get(0);
    }

    private void knownUser(UUID userId, UUID organizationId, String email) {
        publish(Topics.USER_DIRECTORY, userId, UserUpserted.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now()).setUserId(userId).setOrganizationId(organizationId).setEmail(email)
                .setDisplayName(null).setStatus("ACTIVE").build());
        await().until(() -> count("select count(*) from directory_user where user_id = ?", userId) == 1);
    }
}
