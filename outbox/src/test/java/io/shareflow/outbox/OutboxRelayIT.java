package io.shareflow.outbox;

import static io.shareflow.outbox.OutboxTestSupport.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.shareflow.embedded.KraftBroker;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.events.UserUpserted;
import io.shareflow.outbox.OutboxTestSupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.transaction.IllegalTransactionStateException;

class OutboxRelayIT {

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

    private OutboxRelay startRelay(String bootstrap, RelaySettings settings) {
        OutboxRelay relay = db.relay(bootstrap, settings);
        relays.add(relay);
        relay.start();
        return relay;
    }

    @Test
    void everyCommittedEventArrivesExactlyOnceWithCloudEventsHeaders() {
        String topic = OutboxTestSupport.newTopic(kafka, 3);
        List<UUID> written = new ArrayList<>();
        for (int t = 0; t < 50; t++) {
            UserUpserted[] batch = IntStream.range(0, 10).mapToObj(i -> event(UUID.randomUUID(), i)).toArray(UserUpserted[]::new);
            db.appendInTransaction(topic, batch);
            for (UserUpserted e : batch) {
                written.add(e.getEventId());
            }
        }
        startRelay(kafka, RelaySettings.defaults());

        try (TopicReader reader = new TopicReader(kafka, topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= written.size());
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> reader.poll() == written.size());
            assertThat(reader.eventIds()).containsExactlyInAnyOrderElementsOf(written);

            var first = reader.records.get(0);
            UserUpserted firstEvent = reader.events().get(0);
            assertThat(first.key()).isEqualTo(firstEvent.getUserId().toString());
            assertThat(TopicReader.header(first, "ce_id")).isEqualTo(firstEvent.getEventId().toString());
            assertThat(TopicReader.header(first, "ce_type")).isEqualTo("io.shareflow.events.UserUpserted");
            assertThat(TopicReader.header(first, "ce_source")).isEqualTo("/shareflow/outbox-it");
            assertThat(TopicReader.header(first, "ce_specversion")).isEqualTo("1.0");
            assertThat(TopicReader.header(first, "ce_time")).isNotBlank();
            assertThat(TopicReader.header(first, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> db.pending() == 0);
    }

    @Test
    void theRelaysConnectionsNameThemselvesInPgStatActivity() {
        String topic = OutboxTestSupport.newTopic(kafka, 1);
        db.appendInTransaction(topic, event(UUID.randomUUID(), 1));
        startRelay(kafka, RelaySettings.defaults());
        await().atMost(Duration.ofSeconds(30)).until(() -> db.pending() == 0);

        // Operators find the relay's lock holder and its mark connection by name.
        assertThat(db.jdbc.sql("select application_name from pg_stat_activity where datname = current_database()")
                .query(String.class).list()).contains("outbox-relay", "outbox-relay-marker");
    }

    @Test
    void aRowKafkaRefusesForGoodIsParkedAndHoldsUpNeitherItsKeyNorTheRelay() {
        String topic = OutboxTestSupport.newTopic(kafka, 1);
        UUID key = UUID.randomUUID();
        UserUpserted before = event(key, 1);
        db.appendInTransaction(topic, before);
        // 2 MB: above the producer's max.request.size (1 MB), so Kafka refuses it whatever happens.
        long refusedSeq = db.jdbc.sql("""
                        insert into outbox_event (id, aggregatetype, aggregateid, type, payload, topic)
                        values (?, 'user', ?, 'UserUpserted', ?, ?) returning seq""")
                .params(UUID.randomUUID(), key.toString(), new byte[2 * 1024 * 1024], topic).query(Long.class).single();
        UserUpserted after = event(key, 3);
        db.appendInTransaction(topic, after);
        // A long back-off: a relay that treated the row as a passing failure would wait it out.
        startRelay(kafka, RelaySettings.defaults().withMaxBackoff(Duration.ofMinutes(5)));

        try (TopicReader reader = new TopicReader(kafka, topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 2);
            UserUpserted later = event(UUID.randomUUID(), 4);
            db.appendInTransaction(topic, later);
            await().atMost(Duration.ofSeconds(10)).until(() -> reader.poll() >= 3);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> reader.poll() == 3);
            // One partition: the key's other rows in order, once each, and the relay went on.
            assertThat(reader.eventIds()).containsExactly(before.getEventId(), after.getEventId(), later.getEventId());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> db.pending() == 0);
        var parked = db.jdbc.sql("select seq, aggregateid, length(payload) as size, error from outbox_event_parked")
                .query().listOfRows();
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0)).containsEntry("seq", refusedSeq).containsEntry("aggregateid", key.toString())
                .containsEntry("size", 2 * 1024 * 1024);
        assertThat((String) parked.get(0).get("error")).startsWith("RecordTooLargeException: ");
        assertThat(db.rows()).isEqualTo(3);
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String topic = OutboxTestSupport.newTopic(kafka, 1);
        startRelay(kafka, RelaySettings.defaults());
        UserUpserted rolledBack = event(UUID.randomUUID(), 1);
        assertThatThrownBy(() -> db.tx.executeWithoutResult(status -> {
            db.writer.append(topic, "user", rolledBack.getUserId().toString(), rolledBack);
            throw new IllegalStateException("business rule failed after the append");
        })).isInstanceOf(IllegalStateException.class);
        UserUpserted committed = event(UUID.randomUUID(), 2);
        db.appendInTransaction(topic, committed);

        try (TopicReader reader = new TopicReader(kafka, topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 1);
            // One partition: everything committed before the marker has arrived before it.
            assertThat(reader.eventIds()).containsExactly(committed.getEventId());
        }
        assertThat(db.rows()).isEqualTo(1);
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        UserUpserted e = event(UUID.randomUUID(), 1);
        assertThatThrownBy(() -> db.writer.append("any", "user", e.getUserId().toString(), e))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(db.rows()).isZero();
    }

    /** Small odd sizes make every read-ahead and batch boundary happen hundreds of times. */
    static Stream<Arguments> batchings() {
        RelaySettings defaults = RelaySettings.defaults();
        return Stream.of(Arguments.of(defaults.batchSize(), defaults.fetchSize()), Arguments.of(7, 50));
    }

    @ParameterizedTest(name = "batch {0}, fetch {1}")
    @MethodSource("batchings")
    void keepsPerKeyOrderFor10000EventsOver100KeysWrittenConcurrently(int batchSize, int fetchSize) throws Exception {
        String topic = OutboxTestSupport.newTopic(kafka, 6);
        startRelay(kafka, RelaySettings.defaults().withBatching(batchSize, fetchSize));
        List<UUID> keys = IntStream.range(0, 100).mapToObj(i -> UUID.randomUUID()).toList();
        int perKey = 100;
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                List<UUID> own = keys.subList(w * 25, (w + 1) * 25);
                done.add(writers.submit(() -> {
                    // Each transaction writes the next event of every key this writer owns.
                    for (int seq = 0; seq < perKey; seq++) {
                        int n = seq;
                        db.appendInTransaction(topic, own.stream().map(k -> event(k, n)).toArray(UserUpserted[]::new));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }

        try (TopicReader reader = new TopicReader(kafka, topic)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll() >= 10_000);
            Map<UUID, List<Integer>> byKey = new LinkedHashMap<>();
            for (UserUpserted e : reader.events()) {
                byKey.computeIfAbsent(e.getUserId(), k -> new ArrayList<>()).add(Integer.parseInt(e.getDisplayName()));
            }
            assertThat(byKey).hasSize(100);
            List<Integer> expected = IntStream.range(0, perKey).boxed().toList();
            byKey.forEach((key, sequence) -> assertThat(sequence).as("order of key %s", key).isEqualTo(expected));
        }
    }

    @Test
    void aTransactionThatCommitsLateWithALowerSeqIsStillPublished() throws Exception {
        String topic = OutboxTestSupport.newTopic(kafka, 1);
        startRelay(kafka, RelaySettings.defaults());
        UserUpserted late = event(UUID.randomUUID(), 1);
        UserUpserted early = event(UUID.randomUUID(), 2);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            Future<?> lateTx = slow.submit(() -> db.tx.executeWithoutResult(status -> {
                db.writer.append(topic, "user", late.getUserId().toString(), late);
                appended.countDown();
                await().atMost(Duration.ofSeconds(60)).until(() -> commit.getCount() == 0);
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            db.appendInTransaction(topic, early);

            try (TopicReader reader = new TopicReader(kafka, topic)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 1);
                assertThat(reader.eventIds()).containsExactly(early.getEventId());

                commit.countDown();
                lateTx.get(30, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 2);
                assertThat(reader.eventIds()).containsExactly(early.getEventId(), late.getEventId());
            }
        } finally {
            commit.countDown();
            slow.shutdownNow();
        }
        long lateSeq = seqOf(late.getEventId());
        long earlySeq = seqOf(early.getEventId());
        assertThat(lateSeq).as("the late transaction holds the lower seq").isLessThan(earlySeq);
    }

    @Test
    void aLateCommitBelowTheRowsReadAheadIsNotOvertakenByALaterEventOfItsKey() throws Exception {
        String topic = OutboxTestSupport.newTopic(kafka, 1);
        UUID key = UUID.randomUUID();
        UserUpserted late = event(key, 1);
        UserUpserted followUp = event(key, 2);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService slow = Executors.newSingleThreadExecutor();
        try {
            Future<?> lateTx = slow.submit(() -> db.tx.executeWithoutResult(status -> {
                db.writer.append(topic, "user", key.toString(), late);
                appended.countDown();
                await().atMost(Duration.ofSeconds(60)).until(() -> commit.getCount() == 0);
            }));
            assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();
            // A backlog above the late row's seq, streamed in many small reads ahead.
            for (int t = 0; t < 40; t++) {
                db.appendInTransaction(topic, IntStream.range(0, 50).mapToObj(i -> event(UUID.randomUUID(), i)).toArray(UserUpserted[]::new));
            }
            // The relay must still be streaming when the late row commits, or nothing is tested.
            // One row per send and ten per read: the backlog streams for seconds, in 200 reads ahead.
            startRelay(kafka, RelaySettings.defaults().withBatching(1, 10));
            try (TopicReader reader = new TopicReader(kafka, topic)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 100);
                commit.countDown();
                lateTx.get(30, TimeUnit.SECONDS);
                db.appendInTransaction(topic, followUp);
                assertThat(db.pending()).as("still streaming the backlog when the late row commits").isGreaterThan(100);

                await().atMost(Duration.ofSeconds(60)).until(() -> reader.poll() >= 2002);
                List<UUID> ofKey = reader.records.stream().filter(r -> r.key().equals(key.toString()))
                        .map(r -> UUID.fromString(TopicReader.header(r, "ce_id"))).toList();
                assertThat(ofKey).containsExactly(late.getEventId(), followUp.getEventId());
            }
        } finally {
            commit.countDown();
            slow.shutdownNow();
        }
    }

    @Test
    void onlyOneOfTwoRelaysPublishesAndTheOtherTakesOverWhenTheLeadersConnectionDies() {
        String topic = OutboxTestSupport.newTopic(kafka, 3);
        RelaySettings settings = RelaySettings.defaults().withStandbyInterval(Duration.ofMillis(200));
        OutboxRelay first = startRelay(kafka, settings);
        OutboxRelay second = startRelay(kafka, settings);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.isLeader() || second.isLeader());
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(5))
                .until(() -> first.isLeader() ^ second.isLeader());
        assertThat(advisoryLockHolders()).isEqualTo(1);
        OutboxRelay leader = first.isLeader() ? first : second;
        OutboxRelay standby = leader == first ? second : first;

        List<UUID> written = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            UserUpserted e = event(UUID.randomUUID(), i);
            db.appendInTransaction(topic, e);
            written.add(e.getEventId());
        }
        try (TopicReader reader = new TopicReader(kafka, topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 100);
            await().atMost(Duration.ofSeconds(10)).until(() -> db.pending() == 0);

            // Cut the leader's connection as PostgreSQL would after a crash: its lock is released.
            int killed = db.jdbc.sql("""
                            select count(pg_terminate_backend(pid)) from pg_locks
                            where locktype = 'advisory' and granted and database =
                                (select oid from pg_database where datname = current_database())
                            """).query(Integer.class).single();
            assertThat(killed).isEqualTo(1);
            await().atMost(Duration.ofSeconds(15)).until(standby::isLeader);
            await().atMost(Duration.ofSeconds(15)).until(() -> !leader.isLeader());

            for (int i = 0; i < 100; i++) {
                UserUpserted e = event(UUID.randomUUID(), i);
                db.appendInTransaction(topic, e);
                written.add(e.getEventId());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 200);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> reader.poll() == 200);
            assertThat(reader.eventIds()).containsExactlyInAnyOrderElementsOf(written);
        }
        assertThat(advisoryLockHolders()).isEqualTo(1);
        assertThat(standby.isLeader()).isTrue();
    }

    @Test
    void aLeaderWhoseLockConnectionIsCutStopsPublishingEvenInTheMiddleOfABacklog() {
        String topic = OutboxTestSupport.newTopic(kafka, 3);
        List<UUID> written = new ArrayList<>();
        for (int t = 0; t < 20; t++) {
            UserUpserted[] batch = IntStream.range(0, 100).mapToObj(i -> event(UUID.randomUUID(), i)).toArray(UserUpserted[]::new);
            db.appendInTransaction(topic, batch);
            for (UserUpserted e : batch) {
                written.add(e.getEventId());
            }
        }
        // One row per send: the 2,000-row backlog takes many seconds, so the cut lands mid-stream.
        OutboxRelay relay = startRelay(kafka, RelaySettings.defaults().withBatching(1, 10));
        await().atMost(Duration.ofSeconds(10)).until(relay::isLeader);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.pending() < 1_900);

        int cut = lockHolder().orElseThrow();
        assertThat(db.jdbc.sql("select pg_terminate_backend(?)").param(cut).query(Boolean.class).single()).isTrue();
        // Reads and marks run on other connections, so only the relay's own check notices the
        // cut: it must, within a few rows, and take the lock again on a new connection.
        await().atMost(Duration.ofSeconds(3)).until(() -> lockHolder().filter(pid -> pid != cut).isPresent());
        assertThat(db.pending()).as("the cut came before the backlog was done").isGreaterThan(0);

        // It takes the lock again and finishes; consumers de-duplicate what was sent twice.
        try (TopicReader reader = new TopicReader(kafka, topic)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> db.pending() == 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> new HashSet<>(eventIds(reader)).size() == written.size());
            assertThat(new HashSet<>(reader.eventIds())).isEqualTo(new HashSet<>(written));
        }
    }

    private static List<UUID> eventIds(TopicReader reader) {
        reader.poll();
        return reader.eventIds();
    }

    @Test
    void aBrokerThatIsUnreachableForAWhileDelaysButLosesNothing() throws Exception {
        try (KraftBroker broker = KraftBroker.onFreePort().start()) {
            String topic = OutboxTestSupport.newTopic(broker.bootstrapServers(), 3);
            startRelay(broker.bootstrapServers(), RelaySettings.defaults().withMaxBackoff(Duration.ofSeconds(1)));
            Set<UUID> written = new HashSet<>();
            for (int i = 0; i < 50; i++) {
                UserUpserted e = event(UUID.randomUUID(), i);
                db.appendInTransaction(topic, e);
                written.add(e.getEventId());
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> db.pending() == 0);

            broker.stop();
            for (int i = 0; i < 50; i++) {
                UserUpserted e = event(UUID.randomUUID(), i);
                db.appendInTransaction(topic, e);
                written.add(e.getEventId());
            }
            // While the broker is away nothing is marked published: the rows wait.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> db.pending() == 50);

            broker.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> db.pending() == 0);
            try (TopicReader reader = new TopicReader(broker.bootstrapServers(), topic)) {
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 100);
                assertThat(new HashSet<>(reader.eventIds())).isEqualTo(written);
            }
        }
    }

    @Test
    void aRowMarkedPendingAgainIsPublishedAgainAsTheRunbookSays() {
        String topic = OutboxTestSupport.newTopic(kafka, 1);
        startRelay(kafka, RelaySettings.defaults());
        UserUpserted lost = event(UUID.randomUUID(), 1);
        UserUpserted other = event(UUID.randomUUID(), 2);
        db.appendInTransaction(topic, lost, other);
        await().atMost(Duration.ofSeconds(30)).until(() -> db.pending() == 0);
        assertThat(db.jdbc.sql("select count(*) from outbox_event_published").query(Long.class).single())
                .as("published rows are kept, in the published partition").isEqualTo(2);

        // The runbook's re-publish: a downstream team lost this event.
        int republished = db.jdbc.sql("update outbox_event set published_at = null where id = ?")
                .param(lost.getEventId()).update();
        assertThat(republished).isEqualTo(1);

        try (TopicReader reader = new TopicReader(kafka, topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll() >= 3);
            assertThat(reader.eventIds()).containsExactly(lost.getEventId(), other.getEventId(), lost.getEventId());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> db.pending() == 0);
    }

    @Test
    void deletesPublishedRowsAfterTheRetentionPeriodAndKeepsThemBefore() {
        String topic = OutboxTestSupport.newTopic(kafka, 1);
        OutboxRelay keeping = startRelay(kafka, RelaySettings.defaults().withRetention(Duration.ofDays(7), Duration.ofMillis(100)));
        for (int i = 0; i < 20; i++) {
            db.appendInTransaction(topic, event(UUID.randomUUID(), i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.pending() == 0);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> db.rows() == 20);
        keeping.stop();

        startRelay(kafka, RelaySettings.defaults().withRetention(Duration.ofMillis(1), Duration.ofMillis(100)));
        await().atMost(Duration.ofSeconds(30)).until(() -> db.rows() == 0);
    }

    private long seqOf(UUID eventId) {
        return db.jdbc.sql("select seq from outbox_event where id = ?").param(eventId).query(Long.class).single();
    }

    private java.util.Optional<Integer> lockHolder() {
        return db.jdbc.sql("""
                        select pid from pg_locks where locktype = 'advisory' and granted and database =
                            (select oid from pg_database where datname = current_database())
                        """).query(Integer.class).optional();
    }

    private int advisoryLockHolders() {
        return db.jdbc.sql("""
                        select count(*) from pg_locks where locktype = 'advisory' and granted and database =
                            (select oid from pg_database where datname = current_database())
                        """).query(Integer.class).single();
    }
}
