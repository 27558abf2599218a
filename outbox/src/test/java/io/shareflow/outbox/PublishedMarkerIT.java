package io.shareflow.outbox;

import static io.shareflow.outbox.OutboxTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.shareflow.events.UserUpserted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay's marker on real PostgreSQL: what it records, and what a failed mark leaves behind. */
class PublishedMarkerIT {

    private OutboxTestSupport db;
    private final AtomicBoolean databaseReachable = new AtomicBoolean(true);

    @BeforeEach
    void freshDatabase() {
        db = OutboxTestSupport.freshDatabase();
        UserUpserted[] events = IntStream.range(0, 30).mapToObj(i -> event(UUID.randomUUID(), i)).toArray(UserUpserted[]::new);
        db.appendInTransaction("marker-it", events);
    }

    private PublishedMarker marker() {
        return new PublishedMarker(() -> {
            if (!databaseReachable.get()) {
                throw new SQLException("Connection refused", "08001");
            }
            return DriverManager.getConnection(db.jdbcUrl, "postgres", "");
        });
    }

    private List<Long> seqs(int from, int to) {
        return db.jdbc.sql("select seq from outbox_event order by seq").query(Long.class).list().subList(from, to);
    }

    @Test
    void everySubmittedMarkHasCommittedWhenAwaitReturns() throws Exception {
        try (PublishedMarker marker = marker()) {
            marker.submit(seqs(0, 10));
            marker.submit(seqs(10, 20));
            marker.submit(List.of());
            marker.awaitMarked();
        }
        assertThat(db.pending()).isEqualTo(10);
        assertThat(db.jdbc.sql("select count(*) from outbox_event_published where seq = any(?)")
                .param(seqs(0, 20).toArray(Long[]::new)).query(Long.class).single()).isEqualTo(20);
    }

    @Test
    void aFailedMarkIsReportedAndLeavesItsRowsPendingAndTheNextMarkWorksAgain() throws Exception {
        List<Long> first = seqs(0, 10);
        List<Long> second = seqs(10, 20);
        try (PublishedMarker marker = marker()) {
            databaseReachable.set(false);
            marker.submit(first);
            assertThatThrownBy(marker::awaitMarked).isInstanceOf(SQLException.class).hasMessageContaining("Connection refused");
            assertThat(db.pending()).as("nothing was marked").isEqualTo(30);

            databaseReachable.set(true);
            marker.submit(second);
            marker.awaitMarked();
        }
        assertThat(db.pending()).isEqualTo(20);
        assertThat(db.jdbc.sql("select count(*) from outbox_event where published_at is null and seq = any(?)")
                .param(first.toArray(Long[]::new)).query(Long.class).single())
                .as("the failed batch stays pending, to be sent again").isEqualTo(10);
    }

    @Test
    void afterAFailedMarkAwaitStillWaitsForTheMarksQueuedBehindIt() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        try (PublishedMarker marker = new PublishedMarker(() -> {
            if (opened.incrementAndGet() == 1) {
                throw new SQLException("Connection refused", "08001");
            }
            return DriverManager.getConnection(db.jdbcUrl, "postgres", "");
        })) {
            marker.submit(seqs(0, 10));
            marker.submit(seqs(10, 20));
            assertThatThrownBy(marker::awaitMarked).isInstanceOf(SQLException.class).hasMessageContaining("Connection refused");
            // Reported only once the second mark had ended too: it reconnected and committed.
            assertThat(db.pending()).isEqualTo(20);
            marker.awaitMarked();
        }
    }
}
