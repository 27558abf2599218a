package io.shareflow.provisioner.badinput;

import static io.shareflow.testsupport.BadInput.KIB_65;
import static io.shareflow.testsupport.BadInput.billionLaughs;
import static io.shareflow.testsupport.BadInput.get;
import static io.shareflow.testsupport.BadInput.jsonOfSize;
import static io.shareflow.testsupport.BadInput.nestedJson;
import static io.shareflow.testsupport.BadInput.post;
import static io.shareflow.testsupport.BadInput.request;
import static io.shareflow.testsupport.BadInput.xxe;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.testsupport.BadInput;
import io.shareflow.testsupport.BadInput.Case;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every endpoint of user-provisioner with bad input, one line per case: the documented status and errorCode, the field
 * named in {@code extension.field}, never a 5xx, and nothing written (the row counts of every table, the outbox
 * included, are the same after the case as before). The provisioner speaks JSON only: an XML body, bomb or not, is a
 * 415 before anything parses it.
 *
 * <p>Placeholder {@code {org}}: an organisation that exists; {@code {token}}: a registration token of no one.
 * New endpoints add their lines to {@link #cases()}.
 */
class BadInputIT extends IntegrationTestSupport {

    private static final String ORGS = "/v1/organizations";
    private static final String USERS = "/v1/users";
    private static final String REGISTRATION = "/v1/registrations/{token}";
    private static final String AUTHENTICATIONS = "/v1/authentications";
    private static final String A_USER = "\"email\": \"pat@example.com\", \"displayName\": \"Pat\", \"organizationId\": \"{org}\"";
    private static final String A_REGISTRATION = "\"displayName\": \"Robin\", \"password\": \"correct horse battery\"";
    private static final String A_SIGN_IN = "\"email\": \"pat@example.com\", \"password\": \"correct horse battery\"";

    private static UUID organization;

    @Autowired
    DataSource dataSource;

    static Stream<Case> cases() {
        return Stream.of(
                // POST /v1/organizations
                post(ORGS, "{\"name\": \"Acme\", \"notfy\": true}", 400, "notfy"),
                post(ORGS, "{}", 400, "name"),
                post(ORGS, "{\"name\": \"  \"}", 400, "name"),
                post(ORGS, "{\"name\": \"" + "n".repeat(201) + "\"}", 400, "name"),
                post(ORGS, "{\"name\": \"Ac\\u0000me\"}", 400, "name"),
                post(ORGS, "{\"name\": [\"Acme\"]}", 400, "name"),
                post(ORGS, "{\"name\": \"Acme\"", 400, null).named("truncated JSON"),
                post(ORGS, jsonOfSize("name", KIB_65), 413, null).named("65 KiB"),
                post(ORGS, nestedJson("{\"name\": \"Acme\"}", 1000), 400, null).named("1,000-level nested JSON"),
                post(ORGS, xxe("organization", "name"), 415, null).xml().named("XXE /etc/passwd"),
                post(ORGS, billionLaughs("organization", "name"), 415, null).xml().named("billion laughs"),
                // GET /v1/organizations/{id}
                get(ORGS + "/not-a-uuid", 400, "id"),
                // POST /v1/users
                post(USERS, "{" + A_USER + ", \"notfy\": true}", 400, "notfy"),
                post(USERS, "{" + A_USER.replace("pat@example.com", "not-an-address") + "}", 400, "email"),
                post(USERS, "{\"displayName\": \"Pat\", \"organizationId\": \"{org}\"}", 400, "email"),
                post(USERS, "{" + A_USER.replace("\"Pat\"", "\" \"") + "}", 400, "displayName"),
                post(USERS, "{" + A_USER.replace("\"Pat\"", "\"" + "p".repeat(201) + "\"") + "}", 400, "displayName"),
                post(USERS, "{" + A_USER.replace("{org}", "acme") + "}", 400, "organizationId"),
                post(USERS, "{\"email\": \"pat@example.com\", \"displayName\": \"Pat\"}", 400, "organizationId"),
                post(USERS, "{" + A_USER + ", \"status\": \"ACTIVE\"}", 400, "status"),
                post(USERS, jsonOfSize("displayName", KIB_65), 413, null).named("65 KiB"),
                post(USERS, jsonOfSize("displayName", KIB_65), 413, null).sentChunked(),
                post(USERS, nestedJson("{" + A_USER + "}", 1000), 400, null).named("1,000-level nested JSON"),
                post(USERS, xxe("user", "email"), 415, null).xml().named("XXE /etc/passwd"),
                // GET /v1/users/{id}, GET /v1/users
                get(USERS + "/not-a-uuid", 400, "id"),
                get(USERS + "?email=" + "e".repeat(255), 400, "email"),
                get(USERS + "?page=-1", 400, "page"),
                get(USERS + "?size=0", 400, "size"),
                get(USERS + "?size=101", 400, "size"),
                get(USERS + "?page=x", 400, "page"),
                // POST /v1/users/{id}/invitations
                post(USERS + "/not-a-uuid/invitations", null, 400, "id"),
                post(USERS + "/" + UUID.randomUUID() + "/invitations", jsonOfSize("message", KIB_65), 413, null).named("65 KiB"),
                // POST /v1/registrations/{token}
                post(REGISTRATION, "{" + A_REGISTRATION + ", \"notfy\": true}", 400, "notfy"),
                post(REGISTRATION, "{\"displayName\": \"\", \"password\": \"correct horse battery\"}", 400, "displayName"),
                post(REGISTRATION, "{\"displayName\": \"Robin\"}", 400, "password"),
                post(REGISTRATION, "{\"displayName\": \"Robin\", \"password\": [\"correct horse battery\"]}", 400, "password"),
                post(REGISTRATION, jsonOfSize("password", KIB_65), 413, null).named("65 KiB"),
                // POST /v1/authentications
                post(AUTHENTICATIONS, "{" + A_SIGN_IN + ", \"remember\": true}", 400, "remember"),
                post(AUTHENTICATIONS, "{\"password\": \"correct horse battery\"}", 400, "email"),
                post(AUTHENTICATIONS, "{\"email\": \"pat@example.com\"}", 400, "password"),
                post(AUTHENTICATIONS, "{\"email\": \"" + "e".repeat(321) + "\", \"password\": \"x\"}", 400, "email"),
                post(AUTHENTICATIONS, jsonOfSize("email", KIB_65), 413, null).named("65 KiB"),
                post(AUTHENTICATIONS, jsonOfSize("email", KIB_65), 413, null).sentChunked(),
                // GET /register/{token} (the page), POST /register/{token} (its form)
                request("GET", "/register/{token}", jsonOfSize("q", KIB_65), 413, null).named("a GET with a 65 KiB body"),
                post("/register/{token}", "displayName=Robin&password=" + "p".repeat(KIB_65), 413, null)
                        .header("Content-Type", "application/x-www-form-urlencoded").named("65 KiB form"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAndWritesNothing(Case bad) {
        synchronized (BadInputIT.class) {
            if (organization == null) {
                organization = createOrganization("Bad input " + UUID.randomUUID());
            }
        }
        Case c = bad.resolve(path -> path.replace("{token}", "no-such-registration-token-0123456789"));
        Case withOrg = new Case(c.name(), c.method(), c.path(), c.body() == null ? null
                : c.body().replace("{org}", organization.toString()), c.headers(), c.status(), c.errorCode(), c.field(),
                c.chunked());
        Map<String, Long> before = BadInput.stableRowCounts(dataSource);

        Response response = http.send(c.method(), c.path(), adminToken(), withOrg.requestBody(), c.headers());

        BadInput.assertAnswer(c, response);
        BadInput.assertNothingWritten(c, before, BadInput.rowCounts(dataSource));
    }
}
