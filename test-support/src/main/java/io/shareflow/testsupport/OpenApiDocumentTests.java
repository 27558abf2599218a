package io.shareflow.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The checks of a service's OpenAPI document, the same for every service: a service's {@code OpenApiDocumentIT}
 * extends its integration base, implements this and says where its endpoints and README calls are.
 */
public interface OpenApiDocumentTests {

    /** A client of the running service. */
    HttpTestClient client();

    /** The service's {@code requestMappingHandlerMapping}. */
    RequestMappingHandlerMapping handlerMappings();

    /** The service's port in the root README's calls (share-api 8080, user-provisioner 8081). */
    int readmePort();

    /** At least this many of the root README's calls are the service's (so the parsing cannot silently find none). */
    int readmeCallsAtLeast();

    private OpenApiContract contract() {
        HttpTestClient.Response response = client().get("/v3/api-docs", null);
        assertEquals(200, response.status(), () -> "/v3/api-docs without a token: " + response);
        return OpenApiContract.of(response.body());
    }

    /** Also leaves the document in {@code target/openapi.json}, for a look or a client generator. */
    @Test
    default void theDocumentAndSwaggerUiNeedNoToken() throws IOException {
        Files.writeString(Path.of("target", "openapi.json"), contract().document().toPrettyString());
        HttpTestClient.Response ui = client().get("/swagger-ui/index.html", null);
        assertEquals(200, ui.status(), () -> "Swagger UI: " + ui.status());
        int entry = client().get("/swagger-ui.html", null).status();
        assertTrue(entry == 200 || entry == 302, () -> "/swagger-ui.html answered " + entry);
        assertEquals(200, client().get("/v3/api-docs/swagger-config", null).status());
    }

    /** Every REST mapping with its method is in the document, and the document has nothing else (no page, no actuator). */
    @Test
    default void everyEndpointIsInTheDocument() {
        OpenApiContract contract = contract();
        List<ApiEndpoints.Endpoint> endpoints = ApiEndpoints.of(handlerMappings());
        assertEquals(List.of(), contract.undocumented(endpoints), "mapped, but not in /v3/api-docs");
        Set<ApiEndpoints.Endpoint> mapped = Set.copyOf(endpoints);
        assertEquals(List.of(), contract.operations().stream().filter(operation -> !mapped.contains(operation)).toList(),
                "in /v3/api-docs, but not a REST mapping of the service");
    }

    /** A success example and one for each error answer, each valid against its schema; request bodies too. */
    @Test
    default void everyAnswerHasAnExampleThatFitsItsSchema() {
        List<String> problems = contract().exampleProblems();
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    @Test
    default void theDocumentHasTheEnvelopesAndTheBearerScheme() {
        OpenApiContract contract = contract();
        JsonNode error = contract.schema("ApiError");
        assertEquals(Set.of("errorCode", "message", "extension"),
                error.path("required").valueStream().map(JsonNode::asString).collect(Collectors.toSet()));
        assertTrue(contract.schema("ErrorEnvelope").path("properties").has("errors"));
        JsonNode bearer = contract.document().path("components").path("securitySchemes").path("bearer");
        assertEquals("bearer", bearer.path("scheme").asString());
        assertEquals("JWT", bearer.path("bearerFormat").asString());
    }

    /**
     * Every request body is closed, as the services refuse unknown fields: a README typo ({@code "notfy"}) fails
     * {@link #theReadmesCallsFitTheDocument}, not only the request.
     */
    @Test
    default void everyRequestBodyRefusesUnknownFields() {
        OpenApiContract contract = contract();
        for (ApiEndpoints.Endpoint operation : contract.operations()) {
            if (contract.document().path("paths").path(operation.path()).path(operation.method().toLowerCase())
                    .has("requestBody")) {
                assertTrue(!contract.requestProblems(operation.method(), operation.path(), "{\"notfy\": false}").isEmpty(),
                        () -> operation + " accepts an unknown field");
            }
        }
        assertTrue(!contract.requestProblems("GET", "/v1/no-such-thing", null).isEmpty());
    }

    /** The document's security agrees with the service's: every operation it says needs a token answers 401 without. */
    @Test
    default void operationsThatNeedATokenAnswer401WithoutOne() {
        for (ApiEndpoints.Endpoint operation : contract().operationsNeedingToken()) {
            String path = operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            HttpTestClient.Response response = client().send(operation.method(), path, null,
                    operation.method().equals("GET") || operation.method().equals("DELETE") ? null : "{}");
            assertEquals(401, response.status(), () -> operation + " without a token: " + response);
        }
    }

    /** Each call of the root README to this service exists in the document, and its body fits the request schema. */
    @Test
    default void theReadmesCallsFitTheDocument() {
        OpenApiContract contract = contract();
        List<ReadmeCurls.Curl> calls = ReadmeCurls.of(readme()).stream()
                .filter(curl -> curl.port() == readmePort() && curl.path().startsWith("/v1/")).toList();
        assertTrue(calls.size() >= readmeCallsAtLeast(), () -> "only " + calls.size() + " calls found: " + calls);
        List<String> problems = calls.stream()
                .flatMap(curl -> contract.requestProblems(curl.method(), curl.path(), curl.body()).stream()
                        .map(problem -> "README line " + curl.line() + ": " + problem))
                .toList();
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    /** The root README (tests run in the module's directory). */
    private static String readme() {
        try {
            return Files.readString(Path.of("..", "README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
