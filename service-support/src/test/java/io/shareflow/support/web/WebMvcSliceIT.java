package io.shareflow.support.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.shareflow.support.testapp.TestApplication;
import io.shareflow.support.testapp.Tokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

/** A service's {@code @WebMvcTest} slice gets the envelope and the bearer-token security without extra set-up. */
@WebMvcTest
@ContextConfiguration(classes = TestApplication.class)
class WebMvcSliceIT {

    @Autowired
    MockMvc mvc;

    @Test
    void sliceRendersTheEnvelopeAndChecksTokens() throws Exception {
        String token = "Bearer " + Tokens.withRoles("viewer");
        mvc.perform(get("/v1/shares/not-a-uuid").header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].extension.field").value("shareId"));
        mvc.perform(get("/v1/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.errors[0].errorCode").value("Unauthorized"));
        mvc.perform(get("/v1/me").header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.data.userId").value(Tokens.USER.toString()));
    }
}
