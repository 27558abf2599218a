package io.shareflow.support.testapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for tests against the real embedded Tomcat (so servlet error pages and filters are real too). */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.shared();

    private final int port;

    public Http(int port) {
        this.port = port;
    }

    public Request get(String path) {
        return new Request(path, "GET");
    }

    public Request post(String path) {
        return new Request(path, "POST");
    }

    public Request method(String method, String path) {
        return new Request(path, method);
    }

    public final class Request {
        private final String path;
        private final String method;
        private final List<String> headers = new ArrayList<>();
        private byte[] body;

        private Request(String path, String method) {
            this.path = path;
            this.method = method;
        }

        public Request header(String name, String value) {
            headers.add(name);
            headers.add(value);
            return this;
        }

        public Request bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Request json(String json) {
            header("Content-Type", "application/json");
            return body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        public Request body(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(20))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (!headers.isEmpty()) {
                request.headers(headers.toArray(String[]::new));
            }
            try {
                return new Response(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        /** The only error of an error envelope. */
        public JsonNode error() {
            JsonNode errors = json().get("errors");
            if (errors == null || errors.size() != 1) {
                throw new AssertionError("expected exactly one error, got: " + raw.body());
            }
            return errors.get(0);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
