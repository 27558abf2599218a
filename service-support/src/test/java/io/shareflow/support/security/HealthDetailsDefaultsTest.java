package io.shareflow.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** What of the health endpoint is whose; the services' ActuatorIT / OperationsIT show it over HTTP. */
class HealthDetailsDefaultsTest {

    @Test
    void componentsAndDetailsAreForTheOperatorRoleOnly() {
        StandardEnvironment environment = new StandardEnvironment();

        new HealthDetailsDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("management.endpoint.health.show-components")).isEqualTo("when-authorized");
        assertThat(environment.getProperty("management.endpoint.health.show-details")).isEqualTo("when-authorized");
        assertThat(environment.getProperty("management.endpoint.health.roles")).isEqualTo("admin");
    }

    @Test
    void aServicesOwnSettingWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml",
                Map.of("management.endpoint.health.roles", "ops")));

        new HealthDetailsDefaults().postProcessEnvironment(environment, null);
        new HealthDetailsDefaults().postProcessEnvironment(environment, null);

        assertThat(environment.getProperty("management.endpoint.health.roles")).isEqualTo("ops");
        assertThat(environment.getPropertySources().stream()
                .filter(source -> source.getName().equals(HealthDetailsDefaults.PROPERTY_SOURCE_NAME))).hasSize(1);
    }
}
