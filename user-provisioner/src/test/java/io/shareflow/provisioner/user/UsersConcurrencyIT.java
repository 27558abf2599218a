package io.shareflow.provisioner.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.shareflow.provisioner.support.IntegrationTestSupport;
import io.shareflow.domain.EmailAddress;
import io.shareflow.provisioner.user.model.User;
import io.shareflow.testsupport.EventFixtures;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Two transactions creating the same address: the unique index decides, the loser inserts nothing. */
class UsersConcurrencyIT extends IntegrationTestSupport {

    @Autowired
    private Users users;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Clock clock;

    @Test
    void theSecondInsertWaitsForTheFirstAndThenInsertsNothing() throws Exception {
        UUID organization = createOrganization("Race " + UUID.randomUUID());
        String email = EventFixtures.newEmail("race");
        User first = User.invited(organization, EmailAddress.of(email), clock.instant());
        User second = User.invited(organization, EmailAddress.of(email.toUpperCase()), clock.instant());
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);

        CompletableFuture<Boolean> firstResult = CompletableFuture.supplyAsync(() -> transactions.execute(tx -> {
            boolean inserted = users.insertIfEmailFree(first);
            firstInserted.countDown();
            await().atMost(Duration.ofSeconds(30)).until(() -> commitFirst.getCount() == 0);
            return inserted;
        }));
        assertThat(firstInserted.await(30, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Boolean> secondResult = CompletableFuture.supplyAsync(
                () -> transactions.execute(tx -> users.insertIfEmailFree(second)));

        // The second insert blocks on the first's uncommitted index entry.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                        select count(*) from pg_stat_activity
                        where datname = current_database() and wait_event_type = 'Lock' and query like '%insert into app_user%'
                        """).query(Long.class).single() > 0);
        assertThat(secondResult).isNotDone();
        commitFirst.countDown();

        assertThat(firstResult.get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(secondResult.get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(users.findByEmail(email)).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(first.id()));
    }
}
