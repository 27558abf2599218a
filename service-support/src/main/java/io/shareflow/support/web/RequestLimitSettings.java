package io.shareflow.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits every service puts on a request before it reads it ({@code shareflow.web.*}).
 *
 * @param maxRequestBody the largest body accepted (DESIGN.md "Limits and abuse": 64 KiB); a body announced
 *                       larger ({@code Content-Length}) is refused at once, a chunked one when it passes the limit —
 *                       413 {@code PayloadTooLarge}; not null, at least one byte
 */
@ConfigurationProperties("shareflow.web")
public record RequestLimitSettings(@DefaultValue("64KB") DataSize maxRequestBody) {

    public RequestLimitSettings {
        if (maxRequestBody == null) {
            maxRequestBody = DataSize.ofKilobytes(64);
        }
        if (maxRequestBody.toBytes() < 1) {
            throw new IllegalArgumentException("shareflow.web.max-request-body must be at least 1 byte");
        }
    }
}
