package io.shareflow.support.database;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The Hikari pool gives up on a connection after 1.5 s ({@code spring.datasource.hikari.connection-timeout}) instead of
 * Hikari's 30 s, and on checking an idle one after 1 s ({@code validation-timeout}, Hikari: 5 s). While the database is
 * down every borrow waits the whole timeout: with Hikari's own a request hung for 30 s and then answered 500; with
 * these it answers 503 {@code ServiceUnavailable} (service-support's {@code ApiExceptionHandler}) within 2 s, the
 * request's own work included, and a consumer's attempt fails quickly and waits in its back-off instead.
 *
 * <p>Why 1.5 s does not turn a busy pool into 503s: a transaction holds its connection for milliseconds, and with 64
 * clients at once on share-api's 10 connections the whole request took 221 ms at p99 (the benchmark), the wait for a
 * connection less. A pool that cannot hand out a connection for 1.5 s is overloaded, not busy, and a 503 with
 * {@code Retry-After} is the honest answer then. {@code initialization-fail-timeout} keeps Hikari's 1 ms: a service
 * starts only with its database (Flyway migrates it at start anyway).
 *
 * <p>pgjdbc waits at most 60 s for an answer on a connection ({@code socketTimeout}, a driver property:
 * {@code spring.datasource.hikari.data-source-properties.socketTimeout}; pgjdbc's default is to wait for ever). A
 * database that vanishes without closing its connections (a network partition, a failover that moves its address)
 * would otherwise hang the statement under way, and with it a request thread or a consumer, until the operating
 * system gives up on the connection, a quarter of an hour or more. The timeout makes it an I/O error (SQLState 08006),
 * which the web tier answers 503 and a consumer retries on a new connection (the outbox relay's own connections get
 * the same driver properties). The timeout must exceed the longest wait a statement can legitimately have: share-api's
 * and user-provisioner's locks are held by short transactions only; share-notifier's revocations wait for a dispatch
 * batch, whose transaction its session setting ends within 5 minutes, so its {@code application.yml} raises this to
 * 330 s. A migration that needs longer takes {@code socketTimeout=0} (no limit) in {@code SPRING_DATASOURCE_URL}'s
 * query string for that start: the URL's parameters win over driver properties (an environment variable cannot set a
 * driver property: relaxed binding lowercases its name).
 *
 * <p>Added as the environment's <em>last</em> source, so a service's {@code application.yml} or
 * {@code SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT} overrides it.
 */
public final class DatabasePoolDefaults implements EnvironmentPostProcessor {

    /** Name of the property source holding these defaults. */
    public static final String PROPERTY_SOURCE_NAME = "shareflowDatabasePoolDefaults";
    /** Milliseconds (Hikari's setting is a plain {@code long}). */
    static final long CONNECTION_TIMEOUT_MS = 1500;
    static final long VALIDATION_TIMEOUT_MS = 1000;
    /** Seconds (pgjdbc's {@code socketTimeout} unit). */
    static final int SOCKET_TIMEOUT_SECONDS = 60;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(
                "spring.datasource.hikari.connection-timeout", CONNECTION_TIMEOUT_MS,
                "spring.datasource.hikari.validation-timeout", VALIDATION_TIMEOUT_MS,
                "spring.datasource.hikari.data-source-properties.socketTimeout",
                String.valueOf(SOCKET_TIMEOUT_SECONDS))));
    }
}
