package io.shareflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The browser of the browser tests starts from the system's packages, follows links and keeps what it saw. */
class BrowserIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static HttpServer server;

    @BeforeAll
    static void serveTwoPages() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        page("/", "<h1>First</h1><a id=next href=/second>next</a>");
        page("/second", "<h1>Second &amp; last</h1>");
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @Test
    void opensAPageFollowsALinkAndSavesAScreenshotOfEach() throws IOException {
        String base = "http://localhost:" + server.getAddress().getPort();
        browser.open(base + "/", "first");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("First");
        assertThat(browser.title()).isEqualTo("page");

        browser.click(By.id("next"), "second");
        assertThat(browser.currentUrl()).isEqualTo(base + "/second");
        assertThat(browser.text()).contains("Second & last");

        Path dir = Path.of("target", "screenshots", "BrowserIT");
        for (String shot : new String[] {"01-first", "02-second"}) {
            Path png = dir.resolve("opensAPageFollowsALinkAndSavesAScreenshotOfEach-" + shot + ".png");
            assertThat(png).exists();
            byte[] head = new byte[4];
            try (var in = Files.newInputStream(png)) {
                assertThat(in.read(head)).isEqualTo(4);
            }
            assertThat(head).containsExactly(0x89, 'P', 'N', 'G');
        }
    }

    private static void page(String path, String body) {
        byte[] html = ("<!doctype html><html><head><title>page</title></head><body>" + body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, html.length);
            exchange.getResponseBody().write(html);
            exchange.close();
        });
    }
}
