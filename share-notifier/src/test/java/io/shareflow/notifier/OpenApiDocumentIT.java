package io.shareflow.notifier;

import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.OpenApiDocumentTests;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * share-notifier's OpenAPI document: the notifier has no REST endpoints of its own (only actuator, which is not in
 * the document), so the document has no paths; the checks every service's document passes still hold, and a
 * controller added later must be documented to pass them.
 */
class OpenApiDocumentIT extends NotifierIntegrationSupport implements OpenApiDocumentTests {

    @LocalServerPort
    private int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private HttpTestClient http;

    @BeforeEach
    void httpClient() {
        http = new HttpTestClient(port);
    }

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
        return 8082;
    }

    @Override
    public int readmeCallsAtLeast() {
        return 0;
    }
}
