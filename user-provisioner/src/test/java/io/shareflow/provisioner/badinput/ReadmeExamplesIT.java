package io.shareflow.provisioner.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.testsupport.HttpTestClient.Response;
import io.shareflow.testsupport.ReadmeBodies;
import io.shareflow.testsupport.ReadmeBodies.Example;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The documentation's request bodies for user-provisioner still pass its strict parsing (no unknown field). */
class ReadmeExamplesIT extends IntegrationTestSupport {

    static List<Example> examples() {
        return ReadmeBodies.under(Path.of(".."), "/v1/organizations", "/v1/users", "/v1/registrations",
                "/v1/authentications");
    }

    @Test
    void theDocumentationHasExamples() {
        assertThat(examples()).hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void isReadWithoutUnknownFields(Example example) {
        String body = example.body().replace("047c2bfa-...", createOrganization("Readme " + UUID.randomUUID()).toString());
        Response response = http.send(example.method(), example.path("no-such-registration-token-0123456789"),
                adminToken(), body);

        assertThat(response.status()).as(response.toString()).isLessThan(500).isNotIn(405, 413, 415);
        for (JsonNode error : response.json().path("errors")) {
            assertThat(error.path("message").asString()).as(response.toString()).doesNotStartWith("Unknown field")
                    .doesNotStartWith("Malformed");
        }
    }
}
