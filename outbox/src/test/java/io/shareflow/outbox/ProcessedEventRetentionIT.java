package io.shareflow.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.shareflow.embedded.SharedInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processed-event log is emptied of rows older than the retention, in batches; younger rows stay. */
class ProcessedEventRetentionIT {

    private static final Duration RETENTION = Duration.ofDays(21);

    private final String kafka = SharedInfrastructure.kafka().bootstrapServers();
    private final List<OutboxRelay> relays = new ArrayList<>();
    private OutboxTestSupport db;

    @BeforeEach
    void freshDatabase() {
        db = OutboxTestSupport.freshDatabase();
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(OutboxRelay::stop);
    }

    @Test
    void theActiveRelayDeletesExpiredRowsInSeveralBatchesOfOneCleanupAndKeepsYoungerOnes() {
        insertProcessed("share-api", 25, "22 days");
        insertProcessed("share-notifier", 7, "20 days");
        insertProcessed("share-notifier", 3, "1 second");

        // One cleanup only (the first, at start; the next is an hour away) with 10 rows per statement:
        // 25 expired rows are gone only if that cleanup looped over three statements.
        OutboxRelay relay = db.relay(kafka, RelaySettings.defaults().withCleanup(Duration.ofHours(1), 10), RETENTION);
        relays.add(relay);
        relay.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> processedOlderThan("21 days") == 0);
        assertThat(db.jdbc.sql("select consumer, count(*) from processed_event group by consumer")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
                .containsExactly("share-notifier=10");
    }

    @Test
    void oneCleanupDeletesBatchesUntilOneIsShortAndAtMostTenOfThem() throws Exception {
        insertProcessed("share-api", 25, "30 days");
        insertProcessed("share-api", 4, "2 days");
        ExpiredRows processed = ExpiredRows.processedEvents(RETENTION);
        try (Connection connection = db.dataSource.getConnection()) {
            assertThat(processed.delete(connection, 10, () -> true)).isEqualTo(25);
            assertThat(processedOlderThan("21 days")).isZero();

            insertProcessed("share-api", 125, "30 days");
            assertThat(processed.delete(connection, 10, () -> true)).isEqualTo(100);
            assertThat(processed.delete(connection, 10, () -> true)).isEqualTo(25);
            // A relay that is stopping ends its cleanup after the statement running.
            insertProcessed("share-api", 30, "30 days");
            assertThat(processed.delete(connection, 10, () -> false)).isEqualTo(10);
        }
        assertThat(db.jdbc.sql("select count(*) from processed_event").query(Long.class).single()).isEqualTo(4 + 20);
    }

    @Test
    void anIndexLeadsWithProcessedAtSoTheCleanupDoesNotReadTheWholeLog() {
        assertThat(db.jdbc.sql("""
                        select a.attname from pg_index i
                        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                        where i.indrelid = 'processed_event'::regclass and i.indisvalid
                        """).query(String.class).list()).contains("processed_at");
    }

    private void insertProcessed(String consumer, int rows, String age) {
        for (int i = 0; i < rows; i++) {
            db.jdbc.sql("insert into processed_event (consumer, event_id, processed_at) values (?, ?, now() - cast(? as interval))")
                    .params(consumer, UUID.randomUUID(), age).update();
        }
    }

    private long processedOlderThan(String age) {
        return db.jdbc.sql("select count(*) from processed_event where processed_at < now() - cast(? as interval)")
                .param(age).query(Long.class).single();
    }
}
