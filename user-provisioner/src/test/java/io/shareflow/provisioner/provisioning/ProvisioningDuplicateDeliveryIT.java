package io.shareflow.provisioner.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.shareflow.provisioner.provisioning.model.RecipientRequest;
import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.testsupport.DuplicateDelivery;
import io.shareflow.testsupport.EventFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fault drill 7, duplicate delivery: a {@code ShareRequested} for a new recipient handled by two transactions at once
 * (as a rebalance can cause) creates one user, one {@code RecipientProvisioned}, one registration link. The second
 * waits on the first's processed-event mark and skips once the first commits; when the first rolls back, the second
 * provisions. The real handler bean, {@link RecipientProvisioning}, from two threads ({@link DuplicateDelivery}).
 */
class ProvisioningDuplicateDeliveryIT extends IntegrationTestSupport {

    @Autowired
    RecipientProvisioning provisioning;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate transactions;
    private UUID organization;

    @BeforeEach
    void setUp() {
        transactions = new TransactionTemplate(transactionManager);
        organization = createOrganization("Duplicate delivery " + UUID.randomUUID());
    }

    @Test
    void aNewRecipientHandledTwiceAtOnceGetsOneUserOneAnswerAndOneRegistrationLink() {
        RecipientRequest request = request(EventFixtures.newEmail("twice"));

        DuplicateDelivery.race(dataSource,
                hold -> transactions.executeWithoutResult(status -> {
                    provisioning.handle(request);
                    hold.run();
                }),
                () -> provisioning.handle(request));

        assertProvisionedOnce(request);
    }

    @Test
    void whenTheFirstDeliveryRollsBackTheSecondProvisions() {
        RecipientRequest request = request(EventFixtures.newEmail("rolled-back"));

        DuplicateDelivery.race(dataSource,
                hold -> transactions.executeWithoutResult(status -> {
                    provisioning.handle(request);
                    hold.run();
                    status.setRollbackOnly();
                }),
                () -> provisioning.handle(request));

        assertProvisionedOnce(request);
    }

    private void assertProvisionedOnce(RecipientRequest request) {
        List<UUID> users = jdbc.sql("select id from app_user where lower(email) = lower(:email)")
                .param("email", request.recipientEmail()).query(UUID.class).list();
        assertThat(users).hasSize(1);
        UUID userId = users.get(0);
        assertThat(events(request.shareId())).containsExactly("RecipientProvisioned");
        assertThat(events(userId)).containsExactlyInAnyOrder("UserUpserted", "RegistrationLinkIssued");
        assertThat(jdbc.sql("select count(*) from registration_token where user_id = :id").param("id", userId)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from processed_event where consumer = 'user-provisioner' and event_id = :id")
                .param("id", request.eventId()).query(Long.class).single()).isEqualTo(1);
    }

    /** The types of the outbox rows of one aggregate, in the order they were written. */
    private List<String> events(UUID aggregateId) {
        return jdbc.sql("select type from outbox_event where aggregateid = :id order by seq")
                .param("id", aggregateId.toString()).query(String.class).list();
    }

    private RecipientRequest request(String email) {
        return new RecipientRequest(UUID.randomUUID(), UUID.randomUUID(), organization, email, true, "Sam Sharer",
                "sam.sharer@example.com");
    }
}
