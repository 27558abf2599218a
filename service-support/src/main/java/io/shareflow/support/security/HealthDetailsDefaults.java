package io.shareflow.support.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Who sees what of {@code /actuator/health} on every service: the status (and each probe group's, {@code /liveness},
 * {@code /readiness}) is open to anyone, as the probes and load balancers carry no token; its components and their
 * details (the notifier's mail host, Kafka's cluster id, the database product) only to a caller whose bearer token
 * has the role {@value #OPERATOR_ROLE}, the platform operator's (DESIGN.md). Anyone else gets
 * {@code {"status":"UP"}} and 404 for a component's path ({@code /actuator/health/db}).
 *
 * <p>Added as the environment's <em>last</em> source, so a service's {@code application.yml} or
 * {@code MANAGEMENT_ENDPOINT_HEALTH_*} overrides it.
 */
public final class HealthDetailsDefaults implements EnvironmentPostProcessor {

    /** Name of the property source holding these defaults. */
    public static final String PROPERTY_SOURCE_NAME = "shareflowHealthDetailsDefaults";

    /** The role (of the {@code roles} claim) that sees the health's components and details. */
    public static final String OPERATOR_ROLE = "admin";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("management.endpoint.health.show-components", "when-authorized");
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        // Boot asks the request isUserInRole("admin"): the authority ROLE_admin, made from the roles claim.
        defaults.put("management.endpoint.health.roles", OPERATOR_ROLE);
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }
}
