package io.shareflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for a service under test, on {@code http://localhost:<port>}: it never throws on a
 * 4xx/5xx, so a test can look at every answer. A {@code String} or {@code byte[]} body is sent as it is, anything
 * else as JSON.
 */
public final class HttpTestClient {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;

    public HttpTestClient(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** An answer: status, headers and the body, parsed as JSON by {@link #json()}. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The {@code data} of a success envelope (a missing node when absent). */
        public JsonNode data() {
            return json().path("data");
        }

        /** The first error of an error envelope (a missing node when absent). */
        public JsonNode error() {
            return json().path("errors").path(0);
        }

        /** The error of an error envelope that has exactly one; an {@link AssertionError} otherwise. */
        public JsonNode onlyError() {
            JsonNode errors = json().path("errors");
            if (!errors.isArray() || errors.size() != 1) {
                throw new AssertionError("expected exactly one error, got: " + this);
            }
            return errors.get(0);
        }

        /** The first value of a header, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String location() {
            return header("Location");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A body sent without {@code Content-Length}, chunked ({@code Transfer-Encoding: chunked}, HTTP/1.1). */
    public record Chunked(byte[] bytes) {
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public Response post(String path, String token, Object body, Map<String, String> headers) {
        return send("POST", path, token, body, headers);
    }

    /** {@link #send(String, String, String, Object, Map)} with no more headers. */
    public Response send(String method, String path, String token, Object body) {
        return send(method, path, token, body, Map.of());
    }

    /**
     * @param token   a bearer token, or null for none
     * @param body    a String (UTF-8) or a byte[] is sent as is, a {@link Chunked} as is without length; anything else
     *                as JSON; null sends no body
     * @param headers more request headers; they replace the defaults of the same name, whatever its case
     *                ({@code Accept} preferring JSON, {@code Content-Type: application/json} when there is a body,
     *                {@code Authorization}); a {@code Content-Type} given here is sent even without a body
     */
    public Response send(String method, String path, String token, Object body, Map<String, String> headers) {
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.put("Accept", "application/json, */*;q=0.1");
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        if (token != null) {
            all.put("Authorization", "Bearer " + token);
        }
        all.putAll(headers);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher(body));
        if (body instanceof Chunked) {
            request.version(HttpClient.Version.HTTP_1_1);
        }
        all.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        if (body instanceof Chunked chunked) {
            // A stream of unknown length: the client sends it chunked.
            return HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(chunked.bytes()));
        }
        if (body instanceof byte[] bytes) {
            return HttpRequest.BodyPublishers.ofByteArray(bytes);
        }
        return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body));
    }
}
