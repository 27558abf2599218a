package io.shareflow.support.web;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Tomcat holds at most 512 open connections ({@code server.tomcat.max-connections}) instead of its 8,192: each costs
 * some 16 KB of heap buffers, and a share-api with the services' 160 MB heap, offered more shares than it could answer
 * by a client that opened a connection for each, died of {@code OutOfMemoryError} in Tomcat's acceptor with thousands
 * open. Past the limit a new connection waits in the kernel's accept queue until one closes.
 *
 * <p>Tomcat runs at most 64 request threads ({@code server.tomcat.threads.max}) instead of its 200. A request's work
 * is bounded by the database pool (10 connections), so threads past a few per connection only wait on it, and under
 * overload they cost twice: share-api at 200 threads, offered 250 concurrent clients for 40 s, held 35 MB of stacks
 * and answered 1,814 of its 13,269 requests with 503 {@code ServiceUnavailable} after the pool's 1.5 s wait, the
 * answer meant for a database that is down (121 of 7,855 with 64). With 64 the rest wait in Tomcat's queue.
 *
 * <p>Added as the environment's <em>last</em> source, so a service's {@code application.yml},
 * {@code SERVER_TOMCAT_MAX_CONNECTIONS} or {@code SERVER_TOMCAT_THREADS_MAX} overrides them.
 */
public final class WebServerDefaults implements EnvironmentPostProcessor {

    /** Name of the property source holding these defaults. */
    public static final String PROPERTY_SOURCE_NAME = "shareflowWebServerDefaults";
    static final int MAX_CONNECTIONS = 512;
    static final int MAX_THREADS = 64;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
                Map.of("server.tomcat.max-connections", MAX_CONNECTIONS, "server.tomcat.threads.max", MAX_THREADS)));
    }
}
