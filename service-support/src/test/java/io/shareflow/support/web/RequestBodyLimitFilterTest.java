package io.shareflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.FileCopyUtils;
import org.springframework.util.StreamUtils;

class RequestBodyLimitFilterTest {

    @Test
    void aContentLengthOverTheLimitIsAnsweredWithoutReadingTheBody() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/things");
        request.setContent(new byte[11]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<ServletRequest> passed = new AtomicReference<>();

        new RequestBodyLimitFilter(10).doFilter(request, response, (req, res) -> passed.set(req));

        assertThat(passed.get()).as("the chain is not called").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(request.getAttribute(EnvelopeErrorController.ERROR_ATTRIBUTE)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.error().errorCode()).isEqualTo("PayloadTooLarge"));
    }

    @Test
    void aBodyWithoutLengthIsCutWhenItPassesTheLimitAndReadWholeUpToIt() throws Exception {
        assertThat(readThrough(10, 10)).hasSize(10);
        assertThatThrownBy(() -> readThrough(10, 11)).isInstanceOf(RequestBodyTooLarge.class);
        assertThat(readThroughReader(10, 10)).hasSize(10);
        assertThatThrownBy(() -> readThroughReader(10, 11)).isInstanceOf(RequestBodyTooLarge.class);
    }

    @Test
    void theLimitIsASetting() {
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ShareflowRequestLimitsAutoConfiguration.class))
                .withPropertyValues("shareflow.web.max-request-body=1KB")
                .run(context -> {
                    assertThat(context.getBean(RequestLimitSettings.class).maxRequestBody().toBytes()).isEqualTo(1024);
                    assertThat(context).hasSingleBean(FilterRegistrationBean.class);
                });
        new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ShareflowRequestLimitsAutoConfiguration.class))
                .run(context -> assertThat(context.getBean(RequestLimitSettings.class).maxRequestBody().toBytes())
                        .isEqualTo(64 * 1024));
    }

    private static byte[] readThrough(int limit, int size) throws Exception {
        AtomicReference<byte[]> read = new AtomicReference<>();
        new RequestBodyLimitFilter(limit).doFilter(chunked(size), new MockHttpServletResponse(),
                (req, res) -> read.set(StreamUtils.copyToByteArray(req.getInputStream())));
        return read.get();
    }

    private static String readThroughReader(int limit, int size) throws Exception {
        AtomicReference<String> read = new AtomicReference<>();
        new RequestBodyLimitFilter(limit).doFilter(chunked(size), new MockHttpServletResponse(),
                (req, res) -> read.set(FileCopyUtils.copyToString(req.getReader())));
        return read.get();
    }

    /** A request whose body has no Content-Length (as a chunked one). */
    private static HttpServletRequest chunked(int size) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/things");
        return new HttpServletRequestWrapper(request) {
            private final ServletInputStream body = new DelegatingServletInputStream(new ByteArrayInputStream(new byte[size]));

            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public ServletInputStream getInputStream() throws IOException {
                return body;
            }
        };
    }
}
