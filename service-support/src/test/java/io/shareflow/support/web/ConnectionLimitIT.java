package io.shareflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.shareflow.support.testapp.TestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Tomcat holds at most {@code server.tomcat.max-connections} connections ({@link WebServerDefaults}: 512 unless a
 * service says otherwise): one more waits, unanswered, until one of them closes, and is then served.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.tomcat.max-connections=3")
class ConnectionLimitIT {

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    WebServerApplicationContext context;

    private static final byte[] REQUEST = "GET /v1/shares HTTP/1.1\r\nHost: localhost\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Test
    void servicesHoldAtMost512ConnectionsAnd64ThreadsUnlessTheySayOtherwise() {
        StandardEnvironment defaults = new StandardEnvironment();
        new WebServerDefaults().postProcessEnvironment(defaults, new SpringApplication());

        assertThat(defaults.getProperty("server.tomcat.max-connections", Integer.class)).isEqualTo(512);
        assertThat(defaults.getProperty("server.tomcat.threads.max", Integer.class)).isEqualTo(64);
        assertThat(environment.getPropertySources().contains(WebServerDefaults.PROPERTY_SOURCE_NAME)).isTrue();
        assertThat(environment.getProperty("server.tomcat.max-connections", Integer.class)).isEqualTo(3);
        var executor = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector().getProtocolHandler()
                .getExecutor();
        assertThat(executor).isInstanceOfSatisfying(org.apache.tomcat.util.threads.ThreadPoolExecutor.class,
                pool -> assertThat(pool.getMaximumPoolSize()).isEqualTo(64));
    }

    @Test
    void aConnectionPastTheLimitWaitsUntilAnotherClosesAndIsThenAnswered() throws Exception {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                Socket socket = new Socket("localhost", port);
                held.add(socket);
                assertThat(statusLine(socket)).startsWith("HTTP/1.1 "); // accepted, served, kept alive
            }
            try (Socket extra = new Socket("localhost", port)) {
                extra.setSoTimeout(1500);
                extra.getOutputStream().write(REQUEST);
                assertThatThrownBy(() -> readLine(extra.getInputStream())).isInstanceOf(SocketTimeoutException.class);

                held.remove(0).close();
                extra.setSoTimeout(10_000);
                assertThat(readLine(extra.getInputStream())).startsWith("HTTP/1.1 ");
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    private static String statusLine(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(REQUEST);
        return readLine(socket.getInputStream());
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
            line.append((char) b);
        }
        return line.toString().trim();
    }
}
