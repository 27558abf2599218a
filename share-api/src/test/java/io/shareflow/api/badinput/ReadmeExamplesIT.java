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
        Response response = api.send(example.method(), example.path(resource.toString()), sharer.token(),
                example.body());

        // Every placeholder is the new document's id: a share's path then finds no share (a 404 of the use case,
        // after the body was read), but a path nobody maps is a 404 of its own.
        assertThat(response.status()).as(response.toString()).isLessThan(500).isNotIn(405, 413, 415);
        assertThat(response.body()).as(response.toString()).doesNotContain("No resource at");
        for (JsonNode error : response.json().path("errors")) {
            assertThat(error.path("message").asString()).as(response.toString()).doesNotStartWith("Unknown field")
                    .doesNotStartWith("Malformed");
        }
    }
}
