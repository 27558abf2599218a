package io.shareflow.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shareflow.support.testapp.Http;
import io.shareflow.support.testapp.TestApplication;
import io.shareflow.support.testapp.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** A service with its own rules on top of {@link ShareflowSecurity#apply}, as share-api and user-provisioner do. */
@SpringBootTest(classes = {TestApplication.class, CustomFilterChainTest.ServiceRules.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomFilterChainTest {

    @Configuration(proxyBeanMethods = false)
    static class ServiceRules {
        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            ShareflowSecurity.apply(http).authorizeHttpRequests(requests -> requests
                    .requestMatchers("/v1/public/**").permitAll()
                    .requestMatchers(HttpMethod.DELETE, "/v1/shares/**").hasAnyRole("admin", "producer-admin")
                    .anyRequest().authenticated());
            return http.build();
        }
    }

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void ruleOfTheServiceRefusesAWrongRoleWith403() {
        Http.Response response = http.method("DELETE", "/v1/shares/3c0a6f8e-58f1-4a52-9a55-0f6b1f2b9d11")
                .bearer(Tokens.withRoles("viewer")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("NoPermission");
    }

    @Test
    void ruleOfTheServiceAdmitsTheRightRole() {
        Http.Response response = http.method("DELETE", "/v1/shares/3c0a6f8e-58f1-4a52-9a55-0f6b1f2b9d11")
                .bearer(Tokens.withRoles("producer-admin")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void ruleOfTheServiceWithoutTokenIs401() {
        Http.Response response = http.method("DELETE", "/v1/shares/3c0a6f8e-58f1-4a52-9a55-0f6b1f2b9d11").send();

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void optionalCurrentUserIsEmptyForAnonymousCallersOfPublicEndpoints() {
        assertThat(http.get("/v1/public/me").send().json().at("/data").asString()).isEqualTo("anonymous");
        assertThat(http.get("/v1/public/me").bearer(Tokens.withRoles()).send().json().at("/data").asString())
                .isEqualTo(Tokens.USER.toString());
    }

    @Test
    void methodSecurityRefusingAnAnonymousCallerIs401() {
        Http.Response response = http.get("/v1/public/admin-report").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void methodSecurityRefusingAnAuthenticatedCallerIs403() {
        Http.Response response = http.get("/v1/public/admin-report").bearer(Tokens.withRoles("viewer")).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("NoPermission");
    }

    @Test
    void requiredCurrentUserOnAPublicEndpointIs401ForAnonymousCallers() {
        Http.Response response = http.get("/v1/public/required-me").send();

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.error().get("errorCode").asString()).isEqualTo("Unauthorized");
    }
}
