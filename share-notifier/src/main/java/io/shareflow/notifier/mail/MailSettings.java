package io.shareflow.notifier.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How invitations are addressed, prefix {@code shareflow.notifier}. The SMTP server itself is
 * Spring Boot's {@code spring.mail.*}.
 *
 * @param from the From header, an RFC 5322 address with an optional display name
 */
@ConfigurationProperties("shareflow.notifier")
public record MailSettings(@DefaultValue("shareflow <no-reply@shareflow.local>") String from) {
}
