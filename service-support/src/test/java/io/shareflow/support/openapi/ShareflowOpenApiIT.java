package io.shareflow.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.shareflow.support.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The shared rules of the OpenAPI document, on the test application's controller (whose methods carry no annotations). */
@SpringBootTest(classes = TestApplication.class)
@AutoConfigureMockMvc
class ShareflowOpenApiIT {

    @Autowired
    MockMvc mvc;

    private JsonNode document() throws Exception {
        MvcResult result = mvc.perform(get("/v3/api-docs")).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        return JsonMapper.shared().readTree(result.getResponse().getContentAsString());
    }

    @Test
    void servedWithoutATokenWithTheBearerSchemeAndTheErrorEnvelope() throws Exception {
        JsonNode document = document();

        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("bearerFormat").asString())
                .isEqualTo("JWT");
        assertThat(document.path("security").get(0).has("bearer")).isTrue();
        JsonNode error = document.path("components").path("schemas").path("ApiError");
        assertThat(error.path("properties").propertyNames()).containsExactlyInAnyOrder("errorCode", "message", "extension");
        assertThat(error.path("properties").path("errorCode").path("enum").toString()).contains("BadRequest", "TooManyRequests");
        assertThat(mvc.perform(get("/swagger-ui/index.html")).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void onlyTheApiUnderV1() throws Exception {
        assertThat(document().path("paths").propertyNames()).allMatch(path -> path.startsWith("/v1/"));
    }

    @Test
    void madeUpErrorAnswers() throws Exception {
        JsonNode share = document().path("paths").path("/v1/shares/{resourceId}").path("post");

        assertThat(share.path("responses").propertyNames()).contains("200", "400", "401", "413");
        JsonNode badRequest = share.path("responses").path("400").path("content").path("application/json");
        assertThat(badRequest.path("schema").path("$ref").asString()).isEqualTo("#/components/schemas/ErrorEnvelope");
        assertThat(badRequest.path("examples").path("BadRequest").path("value").path("errors").get(0)
                .path("extension").path("field").asString()).isEqualTo("resourceId");
    }

    @Test
    void requestBodiesClosedNestedRecordsNamedByTheirEnclosingType() throws Exception {
        JsonNode schemas = document().path("components").path("schemas");

        assertThat(schemas.propertyNames()).contains("DummyControllerShareRequest", "DummyControllerRecipient");
        assertThat(schemas.path("DummyControllerShareRequest").path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schemas.path("DummyControllerRecipient").path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(schemas.path("DummyControllerShareRequest").path("properties").path("subject").path("type").toString())
                .contains("null");
    }

    @Test
    void theCallerIsNoParameter() throws Exception {
        JsonNode me = document().path("paths").path("/v1/public/me").path("get");

        assertThat(me.path("parameters").isMissingNode() || me.path("parameters").isEmpty()).isTrue();
    }
}
