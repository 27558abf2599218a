package io.shareflow.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Who sees what of {@code /actuator/health}, the same in every service (service-support's
 * {@code HealthDetailsDefaults}): the status and the probes for anyone, the components and their details only for
 * a token with the operator's role {@value #OPERATOR_ROLE}. A service's actuator IT extends its integration base and
 * implements this.
 */
public interface HealthVisibilityTests {

    /** The platform operator's role (DESIGN.md), the one that sees the health's details. */
    String OPERATOR_ROLE = "admin";

    /** A client of the running service. */
    HttpTestClient actuatorClient();

    /** A bearer token this service accepts, with these roles. */
    String token(String... roles);

    /** The components the operator sees, at least {@code db} and {@code kafka}. */
    List<String> components();

    @Test
    default void anyoneSeesTheStatusAndTheProbesButNoComponent() {
        HttpTestClient.Response health = actuatorClient().get("/actuator/health", null);

        // 503 too while a test has a dependency down; what matters is what it shows.
        assertTrue(health.status() == 200 || health.status() == 503, health::toString);
        assertTrue(health.json().path("status").isString(), health::toString);
        assertHidden(health);
        for (String probe : List.of("liveness", "readiness")) {
            HttpTestClient.Response answer = actuatorClient().get("/actuator/health/" + probe, null);
            assertEquals(200, answer.status(), () -> probe + ": " + answer);
            assertEquals("UP", answer.json().path("status").asString(), () -> probe + ": " + answer);
            assertHidden(answer);
        }
        for (String component : components()) {
            HttpTestClient.Response answer = actuatorClient().get("/actuator/health/" + component, null);
            assertEquals(404, answer.status(), () -> component + " without a token: " + answer);
            assertFalse(answer.body().contains("\"details\""), answer::toString);
        }
    }

    @Test
    default void aTokenWithoutTheOperatorRoleSeesNoMore() {
        HttpTestClient.Response health = actuatorClient().get("/actuator/health", token("producer-admin", "viewer"));

        assertTrue(health.json().path("status").isString(), health::toString);
        assertHidden(health);
        assertEquals(404, actuatorClient().get("/actuator/health/db", token("producer-admin")).status());
    }

    @Test
    default void theOperatorSeesEachComponentWithItsDetails() {
        HttpTestClient.Response health = actuatorClient().get("/actuator/health", token(OPERATOR_ROLE));

        JsonNode components = health.json().path("components");
        for (String component : components()) {
            assertTrue(components.path(component).path("status").isString(), () -> component + ": " + health);
        }
        assertEquals("PostgreSQL", components.path("db").path("details").path("database").asString(), health::toString);
        assertFalse(components.path("kafka").path("details").path("clusterId").asString().isEmpty(), health::toString);

        HttpTestClient.Response db = actuatorClient().get("/actuator/health/db", token(OPERATOR_ROLE));
        assertEquals(200, db.status(), db::toString);
        assertEquals("PostgreSQL", db.json().path("details").path("database").asString(), db::toString);
    }

    private static void assertHidden(HttpTestClient.Response health) {
        assertTrue(health.json().path("components").isMissingNode(), () -> "components shown: " + health);
        assertTrue(health.json().path("details").isMissingNode(), () -> "details shown: " + health);
    }
}
