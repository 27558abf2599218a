package io.shareflow.api.share;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one {@link PasswordEncoder} of share-api: BCrypt (spring-security-crypto, cost 10, as user-provisioner's), for
 * the passwords of password links. Its encoded form names the algorithm ({@code $2a$10$...}), kept in
 * {@code share.password_hash}; whatever checks a password given to open a link uses this bean too.
 */
@Configuration(proxyBeanMethods = false)
class LinkPasswordConfiguration {

    @Bean
    PasswordEncoder linkPasswordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
