package io.shareflow.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.shareflow.support.testapp.TestApplication;
import io.shareflow.support.testapp.Tokens;
import io.shareflow.testsupport.HttpTestClient;
import io.shareflow.testsupport.HttpTestClient.Response;
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
@SpringBootTest(classes = {TestApplication.class, CustomFilterChainIT.ServiceRules.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomFilterChainIT {

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

    private static final String SHARE = "/v1/shares/3c0a6f8e-58f1-4a52-9a55-0f6b1f2b9d11";

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void setUp() {
        http = new HttpTestClient(port);
    }

    @Test
    void ruleOfTheServiceRefusesAWrongRoleWith403() {
        Response response = http.send("DELETE", SHARE, Tokens.withRoles("viewer"), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("NoPermission");
    }

    @Test
    void ruleOfTheServiceAdmitsTheRightRole() {
        Response response = http.send("DELETE", SHARE, Tokens.withRoles("producer-admin"), null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void ruleOfTheServiceWithoutTokenIs401() {
        Response response = http.send("DELETE", SHARE, null, null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void optionalCurrentUserIsEmptyForAnonymousCallersOfPublicEndpoints() {
        assertThat(http.get("/v1/public/me", null).json().at("/data").asString()).isEqualTo("anonymous");
        assertThat(http.get("/v1/public/me", Tokens.withRoles()).json().at("/data").asString())
                .isEqualTo(Tokens.USER.toString());
    }

    @Test
    void methodSecurityRefusingAnAnonymousCallerIs401() {
        Response response = http.get("/v1/public/admin-report", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void methodSecurityRefusingAnAuthenticatedCallerIs403() {
        Response response = http.get("/v1/public/admin-report", Tokens.withRoles("viewer"));

        assertThat(response.status()).as(response.toString()).isEqualTo(403);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("NoPermission");
    }

    @Test
    void requiredCurrentUserOnAPublicEndpointIs401ForAnonymousCallers() {
        Response response = http.get("/v1/public/required-me", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.onlyError().get("errorCode").asString()).isEqualTo("Unauthorized");
    }
}
