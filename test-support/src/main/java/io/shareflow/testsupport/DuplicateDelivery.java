package io.shareflow.testsupport;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import javax.sql.DataSource;

/**
 * The same event handled twice at once, as a consumer-group rebalance can cause (the partition's old owner still in
 * its transaction while the new one starts on the same record): the race a consumer's
 * {@code processedEvents.markProcessed(...)} must win.
 *
 * <p>Made deterministic: the first delivery runs the handler in a transaction of the test's and holds it open; the
 * second then runs the handler as the listener does; only once PostgreSQL shows the second waiting on the first's
 * transaction ({@code pg_stat_activity}: {@code wait_event = 'transactionid'} in its {@code processed_event} insert,
 * blocked on the unique index) does the first finish, by commit or rollback as its code says. A second delivery that
 * finishes without ever waiting fails the race: it did not meet the first's mark.
 */
public final class DuplicateDelivery {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SECOND_WAITS_FOR_FIRST = """
            select count(*) from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock' and wait_event = 'transactionid'
              and query ilike '%processed_event%'
            """;

    private DuplicateDelivery() {
    }

    /**
     * @param database the service's database, watched for the second delivery's wait
     * @param first    handles the event inside a transaction it owns (e.g. a {@code TransactionTemplate} around the
     *                 handler bean's call) and, after the handler, still inside that transaction, calls the hold it
     *                 gets, which returns once the second delivery waits; the transaction ends after that
     * @param second   handles the same event as the listener would (the handler bean's own transaction)
     * @throws AssertionError when the second delivery did not wait for the first, or either failed
     */
    public static void race(DataSource database, Consumer<Runnable> first, Runnable second) {
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> firstDelivery = CompletableFuture.runAsync(() -> first.accept(() -> {
            firstHolds.countDown();
            awaitLatch(release);
        }), runnable -> new Thread(runnable, "first-delivery").start());
        try {
            await().atMost(WAIT).until(() -> firstHolds.getCount() == 0 || firstDelivery.isDone());
            if (firstDelivery.isDone()) {
                join(firstDelivery, "the first delivery");
                throw new AssertionError("The first delivery ended without holding its transaction open");
            }
            CompletableFuture<Void> secondDelivery = CompletableFuture.runAsync(second,
                    runnable -> new Thread(runnable, "second-delivery").start());
            await().atMost(WAIT).pollInterval(Duration.ofMillis(20))
                    .until(() -> waiting(database) > 0 || secondDelivery.isDone());
            if (secondDelivery.isDone()) {
                join(secondDelivery, "the second delivery");
                throw new AssertionError("The second delivery finished while the first held its transaction open: "
                        + "it never waited for the first's processed-event mark");
            }
            release.countDown();
            join(firstDelivery, "the first delivery");
            join(secondDelivery, "the second delivery");
        } finally {
            release.countDown();
        }
    }

    private static long waiting(DataSource database) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(SECOND_WAITS_FOR_FIRST)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("The race was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void join(CompletableFuture<Void> delivery, String which) {
        try {
            delivery.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError(which + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError(which + " did not finish within " + WAIT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
