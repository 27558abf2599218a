package io.shareflow.api.openapi;

import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.OpenApiDocumentTests;

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
}
