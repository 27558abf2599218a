package io.shareflow.support.openapi;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * springdoc's settings for every service, as the environment's last property source (a service's own settings
 * win): the document is the REST API under {@code /v1} — the pages a person opens ({@code /s/**},
 * {@code /register/**}), {@code /error} and actuator are not part of it; the error answers are
 * {@link ShareflowOpenApi}'s, not made from the exception handlers; keys sorted so the document is stable.
 */
public final class OpenApiDefaults implements EnvironmentPostProcessor {

    /** Name of the property source holding these defaults. */
    public static final String PROPERTY_SOURCE_NAME = "shareflowOpenApiDefaults";

    /** The paths the document describes. */
    public static final String API_PATHS = "/v1/**";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("springdoc.paths-to-match", API_PATHS);
        defaults.put("springdoc.api-docs.version", "openapi_3_1");
        defaults.put("springdoc.override-with-generic-response", "false");
        defaults.put("springdoc.writer-with-order-by-keys", "true");
        defaults.put("springdoc.default-produces-media-type", "application/json");
        defaults.put("springdoc.default-consumes-media-type", "application/json");
        defaults.put("springdoc.show-actuator", "false");
        defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
    }
}
