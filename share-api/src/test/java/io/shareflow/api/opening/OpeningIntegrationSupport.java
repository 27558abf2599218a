package io.shareflow.api.opening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.events.UserActivated;
import io.shareflow.events.UserUpserted;
import io.shareflow.schemas.Topics;
import io.shareflow.support.security.JwtTokens;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.SecretScanner;
import tools.jackson.databind.JsonNode;

/** Helpers of the opening ITs: making shares and links through the API, opening them, users in the directory. */
abstract class OpeningIntegrationSupport extends ShareApiIntegrationSupport {

    /** A share made through the API: its id and the token of its url. */
    protected record Shared(UUID shareId, String token) {
        @Override
        public String toString() {
            return "Shared[" + shareId + "]";
        }
    }

    /** A direct share to one recipient ({@code POST /v1/shares/{resourceId}}), with more body fields. */
    protected Shared shareWith(Caller sharer, UUID resource, String recipientEmail, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(more);
        body.put("recipientEmail", recipientEmail);
        HttpTestClient.Response response = api.post("/v1/shares/" + resource, sharer.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        JsonNode share = response.data().get("shares").get(0);
        return new Shared(UUID.fromString(share.get("shareId").asString()),
                SecretScanner.tokenOf(share.get("url").asString()));
    }

    protected Shared shareWith(Caller sharer, UUID resource, String recipientEmail) {
        return shareWith(sharer, resource, recipientEmail, Map.of());
    }

    /** A link ({@code POST /v1/shares/{resourceId}/links}). */
    protected Shared link(Caller sharer, UUID resource, Map<String, Object> body) {
        HttpTestClient.Response response = api.post("/v1/shares/" + resource + "/links", sharer.token(), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Shared(UUID.fromString(response.data().get("shareId").asString()),
                SecretScanner.tokenOf(response.data().get("url").asString()));
    }

    protected HttpTestClient.Response open(String token, String bearer) {
        return open(token, bearer, Map.of());
    }

    protected HttpTestClient.Response open(String token, String bearer, Map<String, String> headers) {
        return api.send("GET", "/v1/links/" + token, bearer, null, headers);
    }

    protected HttpTestClient.Response openWithPassword(String token, String password) {
        return open(token, null, Map.of(LinkController.PASSWORD_HEADER, password));
    }

    /** A caller with a chosen id and address. */
    protected static Caller user(UUID userId, UUID organizationId, String email, String name, String... roles) {
        return new Caller(userId, organizationId, email, name, JwtTokens.signedWith(Caller.SECRET).issue(userId, organizationId,
                email, name, List.of(roles), Duration.ofHours(1)));
    }

    /** Publishes a user as user-provisioner would and waits until the replica shows that status. */
    protected void directoryHas(UUID userId, UUID organizationId, String email, String status, Instant time) {
        Instant at = time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        publish(Topics.USER_DIRECTORY, userId, UserUpserted.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(at).setUserId(userId).setOrganizationId(organizationId).setEmail(email)
                .setDisplayName(null).setStatus(status).build());
        await().until(() -> jdbc.sql("select count(*) from directory_user where user_id = ? and status = ? and occurred_at = ?")
                .params(userId, status, at.atOffset(java.time.ZoneOffset.UTC)).query(Long.class).single() == 1);
    }

    /** Publishes a registration as user-provisioner would and waits until the replica shows it. */
    protected void directoryActivates(UUID userId, UUID organizationId, String email, Instant at) {
        publish(Topics.USER_DIRECTORY, userId, UserActivated.newBuilder().setEventId(UUID.randomUUID())
                .setOccurredAt(at).setUserId(userId).setOrganizationId(organizationId).setEmail(email)
                .setDisplayName("Registered Recipient").build());
        await().until(() -> jdbc.sql("select count(*) from directory_user where user_id = ? and has_account")
                .param(userId).query(Long.class).single() == 1);
    }

    /** The outcomes of the share's recorded opens, oldest first. */
    protected List<String> outcomes(UUID shareId) {
        return jdbc.sql("select outcome from share_open where share_id = ? order by id").param(shareId)
                .query(String.class).list();
    }

    protected static String newAddress(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@recipient.example";
    }

    /** Asserts the error envelope of a refusal: status, errorCode and {@code extension.refusal}. */
    protected static JsonNode assertRefused(HttpTestClient.Response response, int status, String errorCode,
                                            Refusal refusal) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode error = response.onlyError();
        assertThat(error.get("errorCode").asString()).isEqualTo(errorCode);
        assertThat(error.get("extension").get("refusal").asString()).isEqualTo(refusal.name());
        assertThat(response.header("Cache-Control")).contains("no-store");
        assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
        return error;
    }
}
