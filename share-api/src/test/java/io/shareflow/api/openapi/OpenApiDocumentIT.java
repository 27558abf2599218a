package io.shareflow.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.OpenApiContract;
import io.shareflow.testsupport.OpenApiDocumentTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** share-api's OpenAPI document: the checks every service's document passes (test-support's {@link OpenApiDocumentTests}). */
class OpenApiDocumentIT extends ShareApiIntegrationSupport implements OpenApiDocumentTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Override
    public HttpTestClient client() {
        return api;
    }

    @Override
    public RequestMappingHandlerMapping handlerMappings() {
        return mappings;
    }

    @Override
    public int readmePort() {
        return 8080;
    }

    @Override
    public int readmeCallsAtLeast() {
        return 20;
    }

    /** What would make a README example wrong is refused by the document as by the service. */
    @Test
    void aTypoInARequestFailsTheReadmeCheck() {
        OpenApiContract contract = OpenApiContract.of(api.get("/v3/api-docs", null).body());

        assertThat(contract.requestProblems("POST", "/v1/shares/$LOG", """
                {"recipientEmail": "a@example.com", "role": "viewer", "notify": false}""")).isEmpty();
        assertThat(contract.requestProblems("POST", "/v1/shares/$LOG", """
                {"recipientEmail": "a@example.com", "role": null, "expiresAt": null}""")).isEmpty();
        assertThat(contract.requestProblems("POST", "/v1/shares/$LOG", """
                {"recipientEmail": "a@example.com", "notfy": false}""")).isNotEmpty();
        assertThat(contract.requestProblems("POST", "/v1/shares/$LOG", """
                {"recipientEmail": "a@example.com", "role": "viewers"}""")).isNotEmpty();
        assertThat(contract.requestProblems("POST", "/v1/shares/$LOG/links", """
                {"audience": "anyone", "recipients": [{"email": "a@example.com", "mail": "b@example.com"}]}""")).isNotEmpty();
        assertThat(contract.requestProblems("POST", "/v1/shares/$LOG/links", """
                {"audience": "anyone", "durationHours": 0}""")).isNotEmpty();
        assertThat(contract.requestProblems("POST", "/v1/resources", """
                {"name": "%s", "kind": "file", "documentType": "internal"}""".formatted("x".repeat(300)))).isNotEmpty();
        assertThat(contract.requestProblems("PUT", "/v1/shares/$LOG", null)).isNotEmpty();
    }
}
