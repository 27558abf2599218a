package io.shareflow.support.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shareflow.support.testapp.TestApplication;
import io.shareflow.support.testapp.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A service without JWT settings (one that only serves actuator endpoints) starts, and opens nothing but those and the
 * OpenAPI document.
 */
@SpringBootTest(classes = TestApplication.class, properties = "shareflow.security.jwt.hmac-secret=")
@AutoConfigureMockMvc
class NoJwtSettingsIT {

    @Autowired
    MockMvc mvc;

    @Test
    void everythingButThePublicActuatorAndApiDocumentPathsIs401() throws Exception {
        mvc.perform(get("/v1/me").header("Authorization", "Bearer " + Tokens.withRoles("admin")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[0].errorCode").value("Unauthorized"));
        mvc.perform(get("/actuator/health")).andExpect(status().isNotFound());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk());
    }
}
