package io.shareflow.support.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shareflow.support.web.ApiError;
import io.shareflow.support.web.ErrorCodes;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * The rules every service's OpenAPI document follows, applied by {@link ShareflowOpenApiAutoConfiguration} so that a
 * controller method needs only {@link ApiExample} (and {@link ApiErrors}, {@link ApiPublic} where they apply):
 * <ul>
 *   <li>the bearer (JWT) scheme {@value #BEARER}, required by every operation but the {@link ApiPublic} ones;</li>
 *   <li>the success answer under the status of {@link ApiExample#status()}, with its example, a {@code Location}
 *       header for 201/202, and the request body's example;</li>
 *   <li>the error answers, each with the error envelope schema {@value #ERROR_ENVELOPE} and an example made from
 *       the error code (or written out with {@link ErrorExample}): 400 for an operation with parameters or a body
 *       ({@code extension.field} named), 413 for one with a body, 401 for one that needs a token, 429 with
 *       {@code Retry-After}, and whatever {@link ApiErrors} adds;</li>
 *   <li>request bodies closed ({@code additionalProperties: false}, as the services refuse unknown fields), optional
 *       properties nullable (a service writes an absent value as {@code null}), schemas no operation uses dropped.</li>
 * </ul>
 */
public final class ShareflowOpenApi {

    /** Name of the bearer security scheme. */
    public static final String BEARER = "bearer";
    /** Name of the error envelope's schema. */
    public static final String ERROR_ENVELOPE = "ErrorEnvelope";
    /** Name of the schema of one error of the envelope. */
    public static final String API_ERROR = "ApiError";

    private static final String SCHEMAS = "#/components/schemas/";
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final Pattern WORDS = Pattern.compile("[a-z][a-z-]*(\\|[a-z][a-z-]*)*");
    private static final Pattern REF = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

    private ShareflowOpenApi() {
    }

    /** The document-wide parts: title, bearer scheme, error envelope, closed request bodies, unused schemas gone. */
    static void customiseDocument(OpenAPI openApi, String title) {
        if (openApi.getInfo() == null) {
            openApi.setInfo(new Info());
        }
        if (openApi.getInfo().getTitle() == null || openApi.getInfo().getTitle().startsWith("OpenAPI definition")) {
            openApi.getInfo().title(title).version("v1").description("Envelopes: success {\"data\": …}, lists "
                    + "{\"data\": […], \"page\": {\"number\", \"size\", \"totalElements\"}}, errors {\"errors\": "
                    + "[{\"errorCode\", \"message\", \"extension\"}]} (extension always present, extension.field names "
                    + "the offending field). Unknown request fields are refused (400 naming the field).");
        }
        Components components = components(openApi);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("A JWT signed by the platform: sub (user id), org (organisation id), "
                        + "email, name, roles."));
        openApi.setSecurity(new ArrayList<>(List.of(new SecurityRequirement().addList(BEARER))));
        addErrorSchemas(components);
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().values()
                            .forEach(media -> close(media.getSchema(), components, new HashSet<>()));
                }
            }));
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ShareflowOpenApi::optionalMeansNullable);
            components.getSchemas().values().forEach(schema -> wholeValuePatterns(schema, new HashSet<>()));
        }
        dropUnusedSchemas(openApi);
    }

    /**
     * Bean Validation's {@code @Pattern} matches the whole value, JSON Schema's {@code pattern} any part of it: anchored
     * here, so the document refuses what the service refuses. A pattern that only lists words ({@code viewer|downloader})
     * is also given as the {@code enum} it is (with {@code null} when the property is optional).
     */
    @SuppressWarnings("unchecked")
    private static void wholeValuePatterns(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        String pattern = schema.getPattern();
        if (pattern != null && !pattern.startsWith("^")) {
            if (WORDS.matcher(pattern).matches() && schema.getEnum() == null) {
                List<Object> values = new ArrayList<>(List.of((Object[]) pattern.split("\\|")));
                if (schema.getTypes() != null && schema.getTypes().contains("null")) {
                    values.add(null);
                }
                ((Schema<Object>) schema).setEnum(values);
            }
            schema.setPattern("^(?:" + pattern + ")$");
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> wholeValuePatterns(property, seen));
        }
        wholeValuePatterns(schema.getItems(), seen);
    }

    /**
     * A property that is not required may be absent or null, both ways: the services write a missing value as
     * {@code null} ({@code "expiresAt": null} = never) and read {@code null} as absent. A nested record's property
     * (a {@code $ref}) becomes {@code anyOf: [{$ref}, {type: null}]}, e.g. a link's {@code recipient} in
     * {@code /permissions}.
     */
    private static void optionalMeansNullable(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        schema.getProperties().replaceAll((name, property) -> required.contains(name) || property.get$ref() == null
                ? property
                : new Schema<>().anyOf(new ArrayList<>(List.of(property, new Schema<>().types(new LinkedHashSet<>(List.of("null")))))));
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name) || property.get$ref() != null || property.getAnyOf() != null) {
                return;
            }
            Set<String> types = property.getTypes();
            if (types == null || types.isEmpty()) {
                if (property.getType() == null) {
                    return;
                }
                types = new LinkedHashSet<>(List.of(property.getType()));
            }
            if (!types.contains("null")) {
                Set<String> nullable = new LinkedHashSet<>(types);
                nullable.add("null");
                property.setTypes(nullable);
            }
        });
    }

    /** One operation: security, success status and examples, the error answers. */
    static Operation customiseOperation(Operation operation, Components components, HandlerMethod handler) {
        addErrorSchemas(components);
        names(operation, handler);
        ApiPublic open = handler.getMethodAnnotation(ApiPublic.class);
        if (open != null) {
            List<SecurityRequirement> security = new ArrayList<>();
            if (open.bearerAccepted()) {
                security.add(new SecurityRequirement());
                security.add(new SecurityRequirement().addList(BEARER));
            }
            operation.setSecurity(security);
        }
        ApiExample example = handler.getMethodAnnotation(ApiExample.class);
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        success(operation, components, example);
        if (example != null && !example.request().isBlank() && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            JsonNode request = parse(example.request(), handler);
            operation.getRequestBody().getContent().forEach((type, media) -> {
                if (type.contains("json")) {
                    media.setExample(request);
                }
            });
        }
        errors(operation, components, handler, open == null);
        return operation;
    }

    /**
     * Unless {@code @Operation} names them: the tag is the controller's name ({@code ShareController}: {@code share}),
     * the operation id the tag and the method's ({@code shareList}), so ids stay stable when methods are added.
     */
    private static void names(Operation operation, HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName().replaceFirst("Controller$", "");
        String tag = Character.toLowerCase(controller.charAt(0)) + controller.substring(1);
        io.swagger.v3.oas.annotations.Operation declared =
                handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
        if (declared == null || declared.operationId().isBlank()) {
            String method = handler.getMethod().getName();
            operation.setOperationId(tag + Character.toUpperCase(method.charAt(0)) + method.substring(1));
        }
        if (declared == null || declared.tags().length == 0) {
            operation.setTags(new ArrayList<>(List.of(tag)));
        }
    }

    private static void success(Operation operation, Components components, ApiExample example) {
        ApiResponses responses = operation.getResponses();
        String generated = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElse(null);
        int status = example == null ? 200 : example.status();
        String code = Integer.toString(status);
        ApiResponse response = generated == null ? new ApiResponse() : responses.remove(generated);
        response.setDescription(HttpStatus.valueOf(status).getReasonPhrase());
        if (status == 204) {
            response.setContent(null);
        } else if (example != null && example.data() != Void.class) {
            response.setContent(new Content().addMediaType(JSON, new MediaType().schema(dataEnvelope(example.data(), components))));
        }
        if (status == 201 || status == 202) {
            response.addHeaderObject("Location", new Header().description("The path of the new thing, e.g. /v1/shares/{id}.")
                    .schema(schema("string")));
        }
        if (example != null && !example.response().isBlank() && response.getContent() != null) {
            JsonNode body = parse(example.response(), null);
            response.getContent().forEach((type, media) -> {
                if (type.contains("json") || type.equals("*/*")) {
                    media.setExample(body);
                }
            });
        }
        // The success first, the errors after it in status order.
        ApiResponses ordered = new ApiResponses();
        ordered.addApiResponse(code, response);
        responses.forEach(ordered::addApiResponse);
        operation.setResponses(ordered);
    }

    private static void errors(Operation operation, Components components, HandlerMethod handler, boolean secured) {
        ApiErrors declared = handler.getMethodAnnotation(ApiErrors.class);
        boolean body = operation.getRequestBody() != null;
        Set<Integer> statuses = new TreeSet<>();
        if (body || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
            statuses.add(400);
        }
        if (body) {
            statuses.add(413);
        }
        if (secured) {
            statuses.add(401);
        }
        Map<Integer, Map<String, Example>> written = new LinkedHashMap<>();
        if (declared != null) {
            for (int status : declared.value()) {
                statuses.add(status);
            }
            for (ErrorExample example : declared.examples()) {
                statuses.add(example.status());
                Map<String, Example> ofStatus = written.computeIfAbsent(example.status(), s -> new LinkedHashMap<>());
                String name = example.name().isBlank() ? ErrorCodes.forStatus(example.status())
                        + (ofStatus.isEmpty() ? "" : Integer.toString(ofStatus.size() + 1)) : example.name();
                ofStatus.put(name, new Example().summary(example.message())
                        .value(envelope(example.status(), example.message(), parse(example.extension(), handler))));
            }
        }
        String field = declared != null && !declared.field().isBlank() ? declared.field() : firstField(operation, components);
        for (int status : statuses) {
            Map<String, Example> examples = written.getOrDefault(status, Map.of());
            if (examples.isEmpty()) {
                examples = Map.of(ErrorCodes.forStatus(status), madeUp(status, field));
            }
            ApiResponse response = new ApiResponse().description(description(status))
                    .content(new Content().addMediaType(JSON, new MediaType().schema(ref(ERROR_ENVELOPE))
                            .examples(new LinkedHashMap<>(examples))));
            if (status == 429) {
                response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before trying again.")
                        .schema(schema("integer")).example(60));
            }
            operation.getResponses().addApiResponse(Integer.toString(status), response);
        }
    }

    /** The made-up example of a status: its code, a plain message, the field for a 400. */
    private static Example madeUp(int status, String field) {
        String message = switch (status) {
            case 400 -> field == null ? "The request body could not be read." : "Invalid value for " + field + ".";
            case 401 -> "Authentication required: send a bearer token in the Authorization header.";
            case 403 -> "You do not have permission to do this.";
            case 404 -> "Not found.";
            case 409 -> "This conflicts with the current state.";
            case 410 -> "This is gone: expired or revoked.";
            case 413 -> "The request body is too large.";
            case 422 -> "A business rule refuses this request.";
            case 429 -> "Too many requests; try again later.";
            case 503 -> "The service is temporarily unavailable.";
            default -> HttpStatus.valueOf(status).getReasonPhrase() + ".";
        };
        ObjectNode extension = Json.mapper().createObjectNode();
        if (status == 400 && field != null) {
            extension.put(ApiError.FIELD, field);
        }
        return new Example().summary(message).value(envelope(status, message, extension));
    }

    private static String description(int status) {
        return switch (status) {
            case 400 -> "BadRequest: the request itself is wrong (malformed body, unknown field, invalid value or parameter); extension.field names it.";
            case 401 -> "Unauthorized: no bearer token, or a bad, expired or unsigned one.";
            case 403 -> "NoPermission: the caller's roles do not allow this.";
            case 404 -> "NotFound: no such thing, or one of another organisation.";
            case 409 -> "Conflict with the current state.";
            case 410 -> "Gone: it existed, but is expired, revoked or used.";
            case 413 -> "PayloadTooLarge: the request body is over 64 KiB.";
            case 422 -> "UnprocessableEntity: well-formed, but a business rule refuses it.";
            case 429 -> "TooManyRequests: wait for Retry-After seconds.";
            default -> ErrorCodes.forStatus(status) + ".";
        };
    }

    private static ObjectNode envelope(int status, String message, JsonNode extension) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("errorCode", ErrorCodes.forStatus(status));
        error.put("message", message);
        error.set("extension", extension);
        ObjectNode envelope = Json.mapper().createObjectNode();
        envelope.putArray("errors").add(error);
        return envelope;
    }

    /** The first path variable, else the first property of the body, else none. */
    private static String firstField(Operation operation, Components components) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                if ("path".equals(parameter.getIn())) {
                    return parameter.getName();
                }
            }
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            for (MediaType media : operation.getRequestBody().getContent().values()) {
                Schema<?> schema = resolve(media.getSchema(), components);
                if (schema != null && schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                    return schema.getProperties().keySet().iterator().next();
                }
            }
        }
        if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
            return operation.getParameters().get(0).getName();
        }
        return null;
    }

    /** {@code {"data": <type>}} for a type the return type does not name; its schemas added to the components. */
    private static Schema<?> dataEnvelope(Class<?> type, Components components) {
        ResolvedSchema resolved = ModelConverters.getInstance(true).readAllAsResolvedSchema(type);
        if (resolved.referencedSchemas != null) {
            resolved.referencedSchemas.forEach((name, schema) -> {
                if (components.getSchemas() == null || !components.getSchemas().containsKey(name)) {
                    components.addSchemas(name, schema);
                }
            });
        }
        Schema<?> data = resolved.schema;
        if (data != null && data.getName() != null && components.getSchemas() != null
                && components.getSchemas().containsKey(data.getName())) {
            data = ref(data.getName());
        }
        Schema<Object> envelope = schema("object");
        envelope.addProperty("data", data);
        envelope.addRequiredItem("data");
        return envelope;
    }

    private static void addErrorSchemas(Components components) {
        if (components.getSchemas() != null && components.getSchemas().containsKey(ERROR_ENVELOPE)) {
            return;
        }
        Schema<Object> error = schema("object");
        error.description("One error. errorCode goes with the HTTP status.");
        Schema<String> code = schema("string");
        code.setEnum(new ArrayList<>(List.of(ErrorCodes.BAD_REQUEST, ErrorCodes.UNAUTHORIZED, ErrorCodes.NO_PERMISSION,
                ErrorCodes.NOT_FOUND, ErrorCodes.METHOD_NOT_ALLOWED, ErrorCodes.NOT_ACCEPTABLE, ErrorCodes.CONFLICT,
                ErrorCodes.GONE, ErrorCodes.PAYLOAD_TOO_LARGE, ErrorCodes.UNSUPPORTED_MEDIA_TYPE,
                ErrorCodes.UNPROCESSABLE_ENTITY, ErrorCodes.TOO_MANY_REQUESTS, ErrorCodes.INTERNAL_SERVER_ERROR,
                ErrorCodes.SERVICE_UNAVAILABLE)));
        error.addProperty("errorCode", code);
        error.addProperty("message", schema("string").description("For people; never internals."));
        Schema<Object> extension = schema("object");
        extension.description("Machine-readable details, always present ({} when none): field (the offending field, "
                + "e.g. recipients[1].email), or what the refusal is about.");
        extension.setAdditionalProperties(true);
        error.addProperty("extension", extension);
        error.setRequired(new ArrayList<>(List.of("errorCode", "message", "extension")));
        error.setAdditionalProperties(false);
        Schema<Object> errors = schema("array");
        errors.setItems(ref(API_ERROR));
        errors.setMinItems(1);
        Schema<Object> envelope = schema("object");
        envelope.description("The body of every error answer.");
        envelope.addProperty("errors", errors);
        envelope.setRequired(new ArrayList<>(List.of("errors")));
        envelope.setAdditionalProperties(false);
        components.addSchemas(API_ERROR, error);
        components.addSchemas(ERROR_ENVELOPE, envelope);
    }

    /** A request body schema and everything it refers to refuse unknown properties, as the services do. */
    private static void close(Schema<?> schema, Components components, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.get$ref() != null) {
            close(resolve(schema, components), components, seen);
            return;
        }
        if (schema.getProperties() != null) {
            if (schema.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(false);
            }
            schema.getProperties().values().forEach(property -> close(property, components, seen));
        }
        close(schema.getItems(), components, seen);
        for (List<Schema> all : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (all != null) {
                all.forEach(s -> close(s, components, seen));
            }
        }
    }

    private static Schema<?> resolve(Schema<?> schema, Components components) {
        if (schema == null || schema.get$ref() == null) {
            return schema;
        }
        String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        return components.getSchemas() == null ? null : components.getSchemas().get(name);
    }

    /**
     * Schemas no path refers to (directly or through other schemas), e.g. of a path variable's binding type or of the
     * caller resolved from the token.
     */
    private static void dropUnusedSchemas(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        if (schemas == null || openApi.getPaths() == null) {
            return;
        }
        // The error envelope stays even in a document without paths: it is every service's.
        Set<String> used = new LinkedHashSet<>(List.of(ERROR_ENVELOPE, API_ERROR));
        used.addAll(refs(openApi.getPaths()));
        List<String> todo = new ArrayList<>(used);
        while (!todo.isEmpty()) {
            Schema<?> schema = schemas.get(todo.remove(todo.size() - 1));
            if (schema != null) {
                for (String name : refs(schema)) {
                    if (used.add(name)) {
                        todo.add(name);
                    }
                }
            }
        }
        schemas.keySet().retainAll(used);
    }

    private static Set<String> refs(Object model) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Matcher matcher = REF.matcher(Json31.mapper().writeValueAsString(model));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the OpenAPI model", e);
        }
        return names;
    }

    private static JsonNode parse(String json, HandlerMethod handler) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON in an OpenAPI example" + (handler == null ? "" : " of " + handler)
                    + ": " + json, e);
        }
    }

    private static Components components(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        return openApi.getComponents();
    }

    private static <T> Schema<T> ref(String name) {
        Schema<T> schema = new Schema<>();
        schema.set$ref(SCHEMAS + name);
        return schema;
    }

    static <T> Schema<T> schema(String type) {
        Schema<T> schema = new Schema<>();
        schema.setType(type);
        schema.typesItem(type);
        return schema;
    }
}
