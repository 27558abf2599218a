package io.shareflow.api.support;

import io.shareflow.api.ShareApiApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another share-api in the test JVM, next to the shared test service, that leaves logging alone: Boot would
 * configure logback again for it and, when it fails to start or is closed, stop logback's context — and with it the
 * console output every later test of the JVM relies on (the log-scanning ITs see nothing, or lose the service's
 * token masking).
 */
public final class SeparateService {

    private SeparateService() {
    }

    /** {@code new SpringApplicationBuilder(ShareApiApplication.class).run(args)}, without Boot's logging system. */
    public static ConfigurableApplicationContext run(String... args) {
        String before = System.getProperty(LoggingSystem.SYSTEM_PROPERTY);
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        try {
            return new SpringApplicationBuilder(ShareApiApplication.class).run(args);
        } finally {
            if (before == null) {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
            } else {
                System.setProperty(LoggingSystem.SYSTEM_PROPERTY, before);
            }
        }
    }
}
