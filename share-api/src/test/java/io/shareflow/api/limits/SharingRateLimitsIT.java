package io.shareflow.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.shareflow.api.ShareApiIntegrationSupport;
import io.shareflow.support.web.ApiException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sharing rate limit as two instances of share-api see it: two {@link SharingRateLimits}, each on its own
 * connection pool, on the one database — no second Spring context needed, the state is all in PostgreSQL.
 */
class SharingRateLimitsIT extends ShareApiIntegrationSupport {

    private static final int LIMIT = 600;
    private static final SharingLimitSettings SETTINGS = new SharingLimitSettings(LIMIT);

    private static HikariDataSource otherPool;

    @Autowired
    DataSource dataSource;

    private final TestClock clock = new TestClock(Instant.parse("2027-01-31T10:15:45.200Z"));

    @AfterAll
    static void closePool() {
        if (otherPool != null) {
            otherPool.close();
        }
    }

    private SharingRateLimits instanceA() {
        return new SharingRateLimits(new RateWindows(jdbc), SETTINGS, clock);
    }

    private synchronized SharingRateLimits instanceB() {
        if (otherPool == null) {
            // The other instance's own pool, on the database of this one.
            HikariDataSource ours = (HikariDataSource) dataSource;
            HikariDataSource pool = new HikariDataSource();
            pool.setJdbcUrl(ours.getJdbcUrl());
            pool.setUsername(ours.getUsername());
            pool.setPassword(ours.getPassword());
            pool.setMaximumPoolSize(8);
            otherPool = pool;
        }
        return new SharingRateLimits(new RateWindows(JdbcClient.create(otherPool)), SETTINGS, clock);
    }

    @Test
    void bothInstancesCountInTheSameWindow() {
        UUID user = UUID.randomUUID();
        SharingRateLimits a = instanceA();
        SharingRateLimits b = instanceB();

        a.consume(user, 400);
        b.consume(user, 199);
        a.consume(user, 1);
        ApiException refused = catchThrowableOfType(ApiException.class, () -> b.consume(user, 1));
        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.error().errorCode()).isEqualTo("TooManyRequests");
        // 10:15:45.200 → the window has room again at 10:16:00.
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(14_800));
        assertThatThrownBy(() -> a.consume(user, 1)).isInstanceOf(ApiException.class);
        assertThat(counted(user)).as("a refusal adds nothing").isEqualTo(LIMIT);

        // Another user has a window of their own.
        b.consume(UUID.randomUUID(), LIMIT);
    }

    @Test
    void aRequestLargerThanWhatIsLeftIsRefusedWholeAndASmallerOneStillFits() {
        UUID user = UUID.randomUUID();
        instanceA().consume(user, 550);
        assertThatThrownBy(() -> instanceB().consume(user, 100)).isInstanceOf(ApiException.class);
        instanceB().consume(user, 50);
        assertThat(counted(user)).isEqualTo(LIMIT);
        assertThatThrownBy(() -> instanceA().consume(UUID.randomUUID(), LIMIT + 1)).isInstanceOf(ApiException.class);
    }

    @Test
    void theNextMinuteStartsAfreshAndTheSweepForgetsEndedWindows() {
        UUID user = UUID.randomUUID();
        instanceA().consume(user, LIMIT);
        clock.set(Instant.parse("2027-01-31T10:16:00Z"));
        instanceB().consume(user, LIMIT);
        assertThat(count("select count(*) from sharing_rate_window where user_id = ?", user)).isEqualTo(2);

        assertThat(instanceA().forgetEndedWindows()).isPositive();
        assertThat(count("select count(*) from sharing_rate_window where user_id = ?", user)).isEqualTo(1);
        assertThat(count("select count(*) from sharing_rate_window where window_start < ?",
                Instant.parse("2027-01-31T10:16:00Z").atOffset(ZoneOffset.UTC))).isZero();
        assertThatThrownBy(() -> instanceA().consume(user, 1)).isInstanceOf(ApiException.class);
    }

    @Test
    void concurrentConsumersOnBothInstancesLoseNoUpdateAndNeverPassTheLimit() throws Exception {
        UUID user = UUID.randomUUID();
        SharingRateLimits a = instanceA();
        SharingRateLimits b = instanceB();
        int threads = 16;
        int attemptsEach = 50;   // 800 attempts of 1 recipient for 600 places
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SharingRateLimits instance = t % 2 == 0 ? a : b;
                results.add(pool.submit(() -> {
                    start.await();
                    int accepted = 0;
                    for (int i = 0; i < attemptsEach; i++) {
                        try {
                            instance.consume(user, 1);
                            accepted++;
                        } catch (ApiException refused) {
                            // over the limit: counted nowhere
                        }
                    }
                    return accepted;
                }));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Integer> result : results) {
                accepted += result.get(60, TimeUnit.SECONDS);
            }
            assertThat(accepted).isEqualTo(LIMIT);
            assertThat(counted(user)).isEqualTo(LIMIT);
        } finally {
            pool.shutdownNow();
        }
    }

    private long counted(UUID user) {
        return count("select coalesce(sum(recipients), 0) from sharing_rate_window where user_id = ?", user);
    }

    /** A clock the test moves. */
    static final class TestClock extends Clock {

        private final AtomicReference<Instant> now;

        TestClock(Instant now) {
            this.now = new AtomicReference<>(now);
        }

        void set(Instant instant) {
            now.set(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
