package io.shareflow.api.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET/PUT /v1/sharing-policy} and its history. Each test has an organisation of its own, so the policies it sets
 * reach no other test.
 */
class SharingPolicyIT extends ShareApiIntegrationSupport {

    private static final String POLICY = "/v1/sharing-policy";
    private static final String HISTORY = "/v1/sharing-policy/history";

    private final UUID organization = UUID.randomUUID();
    private final Caller admin = Caller.of(organization, "producer-admin");

    @Test
    void anOrganisationWithoutAPolicyHasTheDefaultWhichAllowsEverything() {
        Response response = api.get(POLICY, Caller.of(organization, "viewer").token());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertDefault(response.data());
        assertThat(count("select count(*) from sharing_policy where organization_id = ?", organization)).isZero();
        assertThat(api.get(HISTORY, admin.token()).data()).isEmpty();
    }

    @Test
    void putReplacesThePolicyNormalisedAndEveryMemberReadsIt() {
        Response put = api.send("PUT", POLICY, admin.token(), Map.of("maxRole", "downloader",
                "allowedRecipientDomains", List.of("Partner.Example", "acme.example", "ACME.EXAMPLE"),
                "linkAudiences", List.of("users", "organization", "users"), "maxExpiryDays", 30,
                "requireExpiry", true));

        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode policy = put.data();
        assertThat(policy.get("maxRole").asString()).isEqualTo("downloader");
        assertThat(strings(policy.get("allowedRecipientDomains"))).containsExactly("acme.example", "partner.example");
        assertThat(strings(policy.get("linkAudiences"))).containsExactly("organization", "users");
        assertThat(policy.get("maxExpiryDays").asInt()).isEqualTo(30);
        assertThat(policy.get("requireExpiry").asBoolean()).isTrue();
        for (String role : List.of("viewer", "sales-agent", "producer-user", "admin")) {
            Response read = api.get(POLICY, Caller.of(organization, role).token());
            assertThat(read.status()).as(role).isEqualTo(200);
            assertThat(read.data()).isEqualTo(policy);
        }
        // Another organisation's policy is its own.
        assertDefault(api.get(POLICY, Caller.of(UUID.randomUUID(), "producer-admin").token()).data());
    }

    @Test
    void absentFieldsAreTheDefaultsSoAnEmptyPolicyResetsIt() {
        api.send("PUT", POLICY, admin.token(), Map.of("maxRole", "viewer", "maxExpiryDays", 5));

        Response partial = api.send("PUT", POLICY, admin.token(), Map.of("maxExpiryDays", 10));
        assertThat(partial.data().get("maxRole").asString()).isEqualTo("manager");
        assertThat(partial.data().get("maxExpiryDays").asInt()).isEqualTo(10);

        Response reset = api.send("PUT", POLICY, admin.token(), Map.of());
        assertThat(reset.status()).isEqualTo(200);
        assertDefault(reset.data());
        assertDefault(api.get(POLICY, admin.token()).data());
    }

    @Test
    void anEmptyListOfLinkAudiencesAllowsNoLinkAndAnEmptyListOfDomainsAnyDomain() {
        Response put = api.send("PUT", POLICY, admin.token(), Map.of("linkAudiences", List.of(),
                "allowedRecipientDomains", List.of()));

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.data().get("linkAudiences")).isEmpty();
        assertThat(put.data().get("allowedRecipientDomains")).isEmpty();
    }

    @Test
    void onlyAdminsAndProducerAdminsMayChangeItAGuestFindsNoPolicy() {
        Map<String, Object> body = Map.of("maxRole", "viewer");
        for (String role : List.of("producer-user", "sales-agent", "viewer")) {
            Response refused = api.send("PUT", POLICY, Caller.of(organization, role).token(), body);
            assertThat(refused.status()).as(role + ": " + refused).isEqualTo(403);
            assertThat(refused.error().get("errorCode").asString()).isEqualTo("NoPermission");
        }
        Caller guest = Caller.of(organization);
        for (Response asGuest : List.of(api.get(POLICY, guest.token()), api.get(HISTORY, guest.token()),
                api.send("PUT", POLICY, guest.token(), body))) {
            assertThat(asGuest.status()).as(asGuest.toString()).isEqualTo(404);
            assertThat(asGuest.error().get("errorCode").asString()).isEqualTo("NotFound");
        }
        assertThat(api.get(POLICY, null).status()).isEqualTo(401);
        assertThat(api.send("PUT", POLICY, null, body).status()).isEqualTo(401);
        assertThat(count("select count(*) from sharing_policy_change where organization_id = ?", organization)).isZero();
        assertThat(api.get(POLICY, admin.token()).data().get("maxRole").asString()).isEqualTo("manager");

        for (String role : List.of("admin", "producer-admin")) {
            Response allowed = api.send("PUT", POLICY, Caller.of(organization, role).token(),
                    Map.of("maxRole", role.equals("admin") ? "viewer" : "contributor"));
            assertThat(allowed.status()).as(role).isEqualTo(200);
        }
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndChangeNothing() {
        assertBadRequest(Map.of("maxRole", "owner"), "maxRole");
        assertBadRequest(Map.of("maxRole", "Viewer"), "maxRole");
        assertBadRequest(Map.of("maxRole", 3), "maxRole");
        assertBadRequest(Map.of("allowedRecipientDomains", List.of("acme.example", "not a domain")),
                "allowedRecipientDomains[1]");
        assertBadRequest(Map.of("allowedRecipientDomains", List.of("@acme.example")), "allowedRecipientDomains[0]");
        assertBadRequest(Map.of("allowedRecipientDomains", List.of("ann@acme.example")), "allowedRecipientDomains[0]");
        assertBadRequest(Map.of("allowedRecipientDomains", List.of("acme")), "allowedRecipientDomains[0]");
        assertBadRequest(Map.of("allowedRecipientDomains", List.of("*.acme.example")), "allowedRecipientDomains[0]");
        assertBadRequest(Map.of("allowedRecipientDomains", Arrays.asList("acme.example", null)),
                "allowedRecipientDomains[1]");
        assertBadRequest(Map.of("allowedRecipientDomains", "acme.example"), "allowedRecipientDomains");
        assertBadRequest(Map.of("allowedRecipientDomains", IntStream.range(0, 101).mapToObj(i -> "d" + i + ".example")
                .toList()), "allowedRecipientDomains");
        assertBadRequest(Map.of("linkAudiences", List.of("anyone", "public")), "linkAudiences[1]");
        assertBadRequest(Map.of("maxExpiryDays", 0), "maxExpiryDays");
        assertBadRequest(Map.of("maxExpiryDays", 3651), "maxExpiryDays");
        assertBadRequest(Map.of("maxExpiryDays", "ten"), "maxExpiryDays");
        assertBadRequest(Map.of("requireExpiry", "yes"), "requireExpiry");
        // requireExpiry gives a share without expiry the maximum: without one there is nothing to give.
        assertBadRequest(Map.of("requireExpiry", true), "maxExpiryDays");

        Response malformed = api.send("PUT", POLICY, admin.token(), "{\"maxRole\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(count("select count(*) from sharing_policy where organization_id = ?", organization)).isZero();
        assertThat(count("select count(*) from sharing_policy_change where organization_id = ?", organization)).isZero();
    }

    @Test
    void everyChangeIsKeptWithWhoWhenBeforeAndAfterNewestFirst() {
        Caller platform = Caller.of(organization, "admin");
        Instant start = Instant.now();
        api.send("PUT", POLICY, admin.token(), Map.of("maxRole", "viewer"));
        api.send("PUT", POLICY, platform.token(), Map.of("maxRole", "viewer", "allowedRecipientDomains",
                List.of("acme.example")));

        Response history = api.get(HISTORY, Caller.of(organization, "viewer").token());

        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        assertThat(history.json().get("page").get("totalElements").asLong()).isEqualTo(2);
        JsonNode newest = history.data().get(0);
        assertThat(newest.get("changedBy").get("userId").asString()).isEqualTo(platform.userId().toString());
        assertThat(newest.get("changedBy").get("name").asString()).isEqualTo(platform.name());
        assertThat(newest.get("changedBy").get("email").asString()).isEqualTo(platform.email());
        assertThat(newest.get("before").get("maxRole").asString()).isEqualTo("viewer");
        assertThat(newest.get("before").get("allowedRecipientDomains")).isEmpty();
        assertThat(strings(newest.get("after").get("allowedRecipientDomains"))).containsExactly("acme.example");
        JsonNode first = history.data().get(1);
        assertThat(first.get("changedBy").get("userId").asString()).isEqualTo(admin.userId().toString());
        assertDefault(first.get("before"));
        assertThat(first.get("after").get("maxRole").asString()).isEqualTo("viewer");
        Instant firstAt = Instant.parse(first.get("changedAt").asString());
        assertThat(firstAt).isBetween(start.minusSeconds(1), Instant.now());
        assertThat(Instant.parse(newest.get("changedAt").asString())).isAfterOrEqualTo(firstAt);

        JsonNode secondPage = api.get(HISTORY + "?size=1&page=1", admin.token()).data();
        assertThat(secondPage).hasSize(1);
        assertThat(secondPage.get(0)).isEqualTo(first);
        assertThat(api.get(HISTORY + "?size=0", admin.token()).status()).isEqualTo(400);
        assertThat(api.get(HISTORY, Caller.of(UUID.randomUUID(), "admin").token()).data()).isEmpty();
    }

    @Test
    void aPutThatChangesNothingRecordsNothing() {
        Map<String, Object> policy = Map.of("maxRole", "downloader", "allowedRecipientDomains", List.of("acme.example"));
        api.send("PUT", POLICY, admin.token(), policy);

        Response again = api.send("PUT", POLICY, admin.token(), Map.of("maxRole", "downloader",
                "allowedRecipientDomains", List.of("ACME.example", "acme.example")));
        Response defaultsOfANewOrganisation = api.send("PUT", POLICY, Caller.of(UUID.randomUUID(), "admin").token(),
                Map.of());

        assertThat(again.status()).isEqualTo(200);
        assertThat(defaultsOfANewOrganisation.status()).isEqualTo(200);
        assertThat(api.get(HISTORY, admin.token()).data()).hasSize(1);
        assertThat(api.get(HISTORY, Caller.of(UUID.randomUUID(), "admin").token()).data()).isEmpty();
    }

    private void assertBadRequest(Map<String, Object> body, String field) {
        Response response = api.send("PUT", POLICY, admin.token(), new LinkedHashMap<>(body));
        assertThat(response.status()).as(field + ": " + response).isEqualTo(400);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("BadRequest");
        assertThat(response.error().get("extension").get("field").asString()).as(response.toString()).isEqualTo(field);
    }

    private static void assertDefault(JsonNode policy) {
        assertThat(policy.get("maxRole").asString()).isEqualTo("manager");
        assertThat(policy.get("allowedRecipientDomains")).isEmpty();
        assertThat(strings(policy.get("linkAudiences"))).containsExactly("anyone", "organization", "users", "password");
        assertThat(policy.get("maxExpiryDays").isNull()).isTrue();
        assertThat(policy.get("requireExpiry").asBoolean()).isFalse();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
