package io.shareflow.provisioner.openapi;

import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.OpenApiDocumentTests;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * user-provisioner's OpenAPI document: the checks every service's document passes (test-support's
 * {@link OpenApiDocumentTests}); the registration page {@code /register/**} is not in it.
 */
class OpenApiDocumentIT extends IntegrationTestSupport implements OpenApiDocumentTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Override
    public HttpTestClient client() {
        return http;
    }

    @Override
    public RequestMappingHandlerMapping handlerMappings() {
        return mappings;
    }

    @Override
    public int readmePort() {
        return 8081;
    }

    @Override
    public int readmeCallsAtLeast() {
        return 4;
    }
}
