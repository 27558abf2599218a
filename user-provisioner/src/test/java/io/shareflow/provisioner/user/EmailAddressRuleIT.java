package io.shareflow.provisioner.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.testsupport.EmailAddressTable;
import io.shareflow.testsupport.HttpTestClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /v1/users} applies the one e-mail rule of shareflow: every row of the shared address table. */
class EmailAddressRuleIT extends IntegrationTestSupport {

    private static UUID organization;

    static List<EmailAddressTable.Row> rows() {
        return EmailAddressTable.rows();
    }

    @BeforeEach
    void organization() {
        if (organization == null) {
            organization = createOrganization("E-mail rule " + UUID.randomUUID());
        }
    }

    @ParameterizedTest
    @MethodSource("rows")
    void createsAUserForEveryValidAddressAndRefusesEveryInvalidOneNamingTheField(EmailAddressTable.Row row) {
        Response response = http.post("/v1/users", adminToken(), Map.of("email", row.address(),
                "displayName", "Rule " + row.why(), "organizationId", organization.toString()));

        if (row.valid()) {
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            assertThat(response.data().path("email").asString()).isEqualTo(row.address());
        } else {
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.error().path("extension").path("field").asString()).isEqualTo("email");
        }
    }
}
