package io.shareflow.provisioner.registration;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registration of users created for share recipients, prefix {@code shareflow.registration}.
 *
 * @param tokenValidity how long a registration token works after it is issued
 * @param logLinks      whether an issued token is written to the log (INFO, logger
 *                      {@code io.shareflow.provisioner.registration}) so a developer can register
 *                      the user; a secret in the log, so for local use only
 * @param baseUrl       the public base URL of this service, used in the logged link
 */
@ConfigurationProperties("shareflow.registration")
public record RegistrationSettings(
        @DefaultValue("14d") Duration tokenValidity,
        @DefaultValue("false") boolean logLinks,
        @DefaultValue("http://localhost:8081") String baseUrl) {
}
