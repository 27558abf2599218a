package io.shareflow.testsupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a service's OpenAPI document ({@code /v3/api-docs}) must hold, checked the same way for every service: each
 * endpoint with its method, an example for each success and error answer and for each request body, every example
 * valid against its schema (JSON Schema 2020-12 through the OpenAPI 3.1 dialect of networknt's validator), and the
 * README's requests valid against the operations they call.
 */
public final class OpenApiContract {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDialect(Dialects.getOpenApi31());

    private OpenApiContract(JsonNode document) {
        this.document = document;
    }

    /** @param json the document as the service serves it; not null */
    public static OpenApiContract of(String json) {
        return new OpenApiContract(JSON.readTree(json));
    }

    /** @return the document, never null */
    public JsonNode document() {
        return document;
    }

    /** @return the named schema of {@code components.schemas}, or a missing node */
    public JsonNode schema(String name) {
        return document.path("components").path("schemas").path(name);
    }

    /** The endpoints the document lacks (path with the method), as {@code "GET /v1/x"}; empty when all are in. */
    public List<String> undocumented(Collection<ApiEndpoints.Endpoint> endpoints) {
        List<String> missing = new ArrayList<>();
        for (ApiEndpoints.Endpoint endpoint : endpoints) {
            JsonNode path = document.path("paths").path(endpoint.path());
            boolean found = endpoint.method().equals("*")
                    ? path.isObject() && path.propertyNames().stream().anyMatch(METHODS::contains)
                    : path.has(endpoint.method().toLowerCase());
            if (!found) {
                missing.add(endpoint.toString());
            }
        }
        return missing;
    }

    /** Every operation of the document, as {@code (method, path template)}. */
    public List<ApiEndpoints.Endpoint> operations() {
        List<ApiEndpoints.Endpoint> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (METHODS.contains(method)) {
                    operations.add(new ApiEndpoints.Endpoint(method.toUpperCase(), path.getKey()));
                }
            }
        }
        return operations;
    }

    /** The operations that need a bearer token (the document's bearer requirement, not optional). */
    public List<ApiEndpoints.Endpoint> operationsNeedingToken() {
        boolean global = hasBearer(document.path("security"));
        return operations().stream().filter(endpoint -> {
            JsonNode security = operation(endpoint).path("security");
            return security.isMissingNode() ? global : hasBearer(security)
                    && security.valueStream().noneMatch(requirement -> requirement.isEmpty());
        }).toList();
    }

    private static boolean hasBearer(JsonNode security) {
        return security.isArray() && security.valueStream().anyMatch(requirement -> !requirement.isEmpty());
    }

    /**
     * Everything wrong with the examples: a success answer without an example, a request body without one, an error
     * answer without one or without the error envelope, and any example its schema refuses.
     */
    public List<String> exampleProblems() {
        List<String> problems = new ArrayList<>();
        for (ApiEndpoints.Endpoint endpoint : operations()) {
            JsonNode operation = operation(endpoint);
            JsonNode body = operation.path("requestBody").path("content").path("application/json");
            if (!operation.path("requestBody").isMissingNode()) {
                check(endpoint + " request", body, problems);
            }
            boolean success = false;
            for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                String status = response.getKey();
                JsonNode content = response.getValue().path("content");
                if (status.startsWith("2")) {
                    success = true;
                    // 204 has no body; nor has a 202 whose method returns none (only @ApiExample(status = 202)
                    // gets an operation there, springdoc's own success is 200): the work is accepted, not done.
                    boolean bodyless = status.equals("204") || status.equals("202") && content.isMissingNode();
                    if (!bodyless) {
                        check(endpoint + " " + status, content.path("application/json"), problems);
                    }
                } else {
                    JsonNode media = content.path("application/json");
                    if (!media.path("schema").path("$ref").asString("").endsWith("/ErrorEnvelope")) {
                        problems.add(endpoint + " " + status + ": not the error envelope");
                    }
                    check(endpoint + " " + status, media, problems);
                }
            }
            if (!success) {
                problems.add(endpoint + ": no success answer");
            }
        }
        return problems;
    }

    private void check(String where, JsonNode media, List<String> problems) {
        if (media.isMissingNode()) {
            problems.add(where + ": no application/json content");
            return;
        }
        List<JsonNode> examples = new ArrayList<>();
        if (media.has("example")) {
            examples.add(media.get("example"));
        }
        media.path("examples").valueStream().forEach(example -> examples.add(example.path("value")));
        if (examples.isEmpty()) {
            problems.add(where + ": no example");
        }
        for (JsonNode example : examples) {
            for (Error error : validate(media.path("schema"), example)) {
                problems.add(where + ": example " + error.getInstanceLocation() + " " + error.getMessage());
            }
        }
    }

    /**
     * Whether a request the README shows fits the document: the operation exists (a concrete path such as
     * {@code /v1/shares/$LOG} matches the template {@code /v1/shares/{resourceId}}) and its body validates against
     * the operation's request schema.
     *
     * @param body the JSON body, or null for none
     * @return the problems, empty when it fits
     */
    public List<String> requestProblems(String method, String path, String body) {
        Optional<ApiEndpoints.Endpoint> endpoint = match(method, path);
        if (endpoint.isEmpty()) {
            return List.of(method + " " + path + ": no such operation in the document");
        }
        if (body == null) {
            return List.of();
        }
        JsonNode schema = operation(endpoint.get()).path("requestBody").path("content").path("application/json").path("schema");
        if (schema.isMissingNode()) {
            return List.of(endpoint.get() + ": takes no JSON body, the README sends one");
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (RuntimeException e) {
            return List.of(endpoint.get() + ": the README's body is not JSON: " + body);
        }
        return validate(schema, parsed).stream()
                .map(error -> endpoint.get() + ": " + error.getInstanceLocation() + " " + error.getMessage())
                .toList();
    }

    /** The operation whose path template matches the concrete path, segment by segment. */
    public Optional<ApiEndpoints.Endpoint> match(String method, String path) {
        String[] segments = path.split("/", -1);
        return operations().stream().filter(operation -> operation.method().equalsIgnoreCase(method)).filter(operation -> {
            String[] template = operation.path().split("/", -1);
            if (template.length != segments.length) {
                return false;
            }
            for (int i = 0; i < template.length; i++) {
                boolean variable = template[i].startsWith("{") && template[i].endsWith("}");
                if (!(variable ? !segments[i].isEmpty() : template[i].equals(segments[i]))) {
                    return false;
                }
            }
            return true;
        }).min((a, b) -> Long.compare(variables(a.path()), variables(b.path())));
    }

    private static long variables(String template) {
        return template.chars().filter(c -> c == '{').count();
    }

    private JsonNode operation(ApiEndpoints.Endpoint endpoint) {
        return document.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase());
    }

    /** The schema node as a schema of its own, with the document's components beside it so its $refs resolve. */
    private List<Error> validate(JsonNode schemaNode, JsonNode instance) {
        if (schemaNode.isMissingNode()) {
            return List.of();
        }
        ObjectNode standalone = (ObjectNode) schemaNode.deepCopy();
        standalone.set("components", document.path("components"));
        Schema schema = registry.getSchema(standalone);
        return schema.validate(instance);
    }
}
