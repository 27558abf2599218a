package io.shareflow.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every e-mail the drill's SMTP server accepted, across its restarts: what it holds is read through its JSON API,
 * and what a stopping server wrote on its way out is kept here, since a new process starts empty.
 */
final class Mailbox {

    /** One accepted e-mail: one SMTP transaction. */
    record Delivery(String messageId, List<String> to, String subject, Instant receivedAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI messages;
    private final List<Delivery> beforeRestarts = new ArrayList<>();
    /** Whether a server process is there to ask; while it is stopped, what it handed over is all there is. */
    private boolean serverUp;

    Mailbox(int httpPort) {
        this.messages = URI.create("http://localhost:" + httpPort + "/api/messages");
    }

    /** All deliveries so far, those of earlier server processes first. */
    synchronized List<Delivery> deliveries() {
        List<Delivery> all = new ArrayList<>(beforeRestarts);
        if (serverUp) {
            all.addAll(fetch());
        }
        return all;
    }

    /** A server process answers now. */
    synchronized void serverStarted() {
        serverUp = true;
    }

    /** Keeps what a stopped server wrote on its way out ({@link MailMain}). */
    synchronized void keepFrom(Path written) {
        serverUp = false;
        try {
            beforeRestarts.addAll(parse(Files.readString(written)));
            Files.delete(written);
        } catch (IOException e) {
            throw new UncheckedIOException("The stopped SMTP server left no " + written, e);
        }
    }

    boolean answers() {
        try {
            return http.send(HttpRequest.newBuilder(messages).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<Delivery> fetch() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(messages).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The drill's SMTP server does not answer at " + messages, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Delivery> parse(String json) {
        List<Delivery> deliveries = new ArrayList<>();
        for (JsonNode m : JSON.readTree(json)) {
            List<String> to = new ArrayList<>();
            m.path("to").forEach(address -> to.add(address.asText()));
            deliveries.add(new Delivery(m.path("messageId").asText(null), to, m.path("subject").asText(null),
                    Instant.parse(m.path("receivedAt").asText())));
        }
        return deliveries;
    }
}
