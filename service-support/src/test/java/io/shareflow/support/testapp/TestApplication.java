package io.shareflow.support.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/** A minimal service using service-support the way share-api does: only auto-configuration, no own error or security code. */
@SpringBootApplication
@EnableMethodSecurity
public class TestApplication {

    /** The HMAC secret of application.yml (test resources). */
    public static final String SECRET = "test-secret-that-is-at-least-32-bytes-long!";
    /** The issuer and audience of application.yml (test resources), which every token must carry. */
    public static final String ISSUER = "shareflow-test";
    public static final String AUDIENCE = "shareflow";
}
