package io.shareflow.api.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.api.support.Caller;
import io.shareflow.testsupport.HttpTestClient.Response;
import io.shareflow.testsupport.ReadmeBodies;
import io.shareflow.testsupport.ReadmeBodies.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The documentation's request bodies for share-api still pass its strict parsing: none is refused for an unknown
 * field (or its size), whatever else the example shows (a 400 for a bad address, a 422 for another organisation), and
 * each goes to a path and method the service maps.
 */
class ReadmeExamplesIT extends ShareApiIntegrationSupport {

    static List<Example> examples() {
        return ReadmeBodies.under(Path.of(".."), "/v1/shares", "/v1/resources");
    }

    @Test
    void theDocumentationHasExamples() {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void isReadWithoutUnknownFields(Example example) {
        Caller sharer = Caller.sharer();
        UUID resource = createDocument(sharer);
        // PATCH /v1/shares/<shareId> changes a share; the other paths take the resource (or no id)
        String id = example.path().startsWith("/v1/shares/") && !example.method().equals("POST")
                ? shareOf(sharer, resource) : resource.toString();
        Response response = api.send(example.method(), example.path(id), sharer.token(), example.body());

        assertThat(response.status()).as(response.toString()).isLessThan(500).isNotIn(404, 405, 413, 415);
        for (JsonNode error : response.json().path("errors")) {
            assertThat(error.path("message").asString()).as(response.toString()).doesNotStartWith("Unknown field")
                    .doesNotStartWith("Malformed");
        }
    }

    private String shareOf(Caller sharer, UUID resource) {
        Response shared = api.post("/v1/shares/" + resource, sharer.token(), java.util.Map.of("recipientEmail", "readme@example.com"));
        return shared.data().get("shares").get(0).get("shareId").asString();
    }
}
