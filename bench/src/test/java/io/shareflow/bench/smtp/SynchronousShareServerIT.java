package io.shareflow.bench.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shareflow.bench.smtp.SynchronousShareServer.Mode;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.embedded.mail.CapturedMessage;
import io.shareflow.embedded.mail.MailCatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;

/**
 * The synchronous design's server against the embedded catcher (through a proxy counting SMTP connections) and
 * embedded PostgreSQL: every accepted share's e-mail arrives once, a connection per message or a kept one as the mode
 * says, a dead pooled connection is replaced, and the share's row is committed only when its e-mail was sent.
 */
class SynchronousShareServerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static MailCatcher catcher;
    private static HikariDataSource db;
    private CountingProxy proxy;

    @BeforeAll
    static void start() throws SQLException {
        SynchronousShareServer.noDelay();
        catcher = MailCatcher.onFreePorts().start();
        PostgresServer postgres = SharedInfrastructure.postgres();
        String database = "smtp_synchronous_it";
        postgres.createDatabase(database);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl(database));
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(8);
        db = new HikariDataSource(config);
        execute(db, "create table if not exists share_row (sequence bigint primary key)");
    }

    @AfterAll
    static void stop() {
        db.close();
        catcher.close();
    }

    @BeforeEach
    void clean() throws Exception {
        catcher.clear();
        catcher.acceptAllRecipients();
        execute(db, "truncate share_row");
        proxy = new CountingProxy(catcher.smtpPort());
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void perMessageOpensAConnectionForEveryMessageAndEveryEmailArrivesOnce() throws Exception {
        try (SynchronousShareServer server = start(Mode.PER_MESSAGE)) {
            for (int i = 0; i < 8; i++) {
                assertThat(post(server)).isEqualTo(202);
            }

            assertThat(proxy.connections()).isEqualTo(8);
            assertEveryEmailOnce(server, 8);
            assertThat(rows()).isEqualTo(8);
        }
    }

    @Test
    void pooledKeepsItsConnectionsAndReplacesOneThatWasKilled() throws Exception {
        try (SynchronousShareServer server = start(Mode.POOLED)) {
            for (int i = 0; i < 8; i++) {
                assertThat(post(server)).isEqualTo(202);
            }
            assertThat(proxy.connections()).as("one request at a time: one kept connection").isEqualTo(1);

            proxy.cutAll();
            for (int i = 0; i < 4; i++) {
                assertThat(post(server)).isEqualTo(202);
            }

            assertThat(proxy.connections()).as("the killed one replaced, once").isEqualTo(2);
            assertThat(server.connectionsOpened()).isEqualTo(2);
            assertEveryEmailOnce(server, 12);
            assertThat(rows()).isEqualTo(12);
        }
    }

    @Test
    void pooledUnderConcurrencyOpensNoMoreThanItsPoolAndSendsEachOnce() throws Exception {
        try (SynchronousShareServer server = SynchronousShareServer.start(db, SynchronousShareServerIT::insert,
                "localhost", proxy.port(), Mode.POOLED, 3)) {
            List<CompletableFuture<HttpResponse<Void>>> calls = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                calls.add(HTTP.sendAsync(request(server), HttpResponse.BodyHandlers.discarding()));
            }
            for (CompletableFuture<HttpResponse<Void>> call : calls) {
                assertThat(call.get().statusCode()).isEqualTo(202);
            }

            assertThat(proxy.connections()).isBetween(1, 3);
            assertEveryEmailOnce(server, 30);
            assertThat(rows()).isEqualTo(30);
        }
    }

    @Test
    void theShareIsCommittedOnlyWhenItsEmailWasSent() throws Exception {
        for (Mode mode : Mode.values()) {
            execute(db, "truncate share_row");
            catcher.clear();
            try (SynchronousShareServer server = start(mode)) {
                assertThat(post(server)).isEqualTo(202);
                catcher.rejectRecipients(address -> address.equals(server.recipient(2)), 550);

                assertThat(post(server)).as(mode + ": refused e-mail").isEqualTo(502);
                catcher.acceptAllRecipients();
                assertThat(post(server)).isEqualTo(202);

                assertThat(sequences()).as(mode + ": the refused share rolled back").containsExactly(1L, 3L);
                assertThat(catcher.messages()).extracting(CapturedMessage::messageId)
                        .containsExactlyInAnyOrder(server.messageId(1), server.messageId(3));
            }
        }
    }

    @Test
    void aFailedWriteSendsNothing() throws Exception {
        try (SynchronousShareServer server = SynchronousShareServer.start(db, (c, n) -> {
            throw new SQLException("constraint violated");
        }, "localhost", proxy.port(), Mode.POOLED)) {
            assertThat(post(server)).isEqualTo(500);
            assertThat(catcher.messages()).isEmpty();
        }
    }

    private SynchronousShareServer start(Mode mode) {
        return SynchronousShareServer.start(db, SynchronousShareServerIT::insert, "localhost", proxy.port(), mode);
    }

    private static void insert(Connection connection, long sequence) throws SQLException {
        try (var insert = connection.prepareStatement("insert into share_row (sequence) values (?)")) {
            insert.setLong(1, sequence);
            insert.executeUpdate();
        }
    }

    private static int post(SynchronousShareServer server) throws Exception {
        return HTTP.send(request(server), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpRequest request(SynchronousShareServer server) {
        return HttpRequest.newBuilder(server.uri()).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
    }

    private static void assertEveryEmailOnce(SynchronousShareServer server, int count) {
        List<CapturedMessage> caught = catcher.messages();
        assertThat(caught).extracting(CapturedMessage::messageId)
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, count).mapToObj(server::messageId)
                        .toList());
        assertThat(caught).allSatisfy(m -> {
            assertThat(m.to()).hasSize(1);
            assertThat(m.text()).isNotBlank();
            assertThat(m.html()).contains("<html");
        });
    }

    private static long rows() throws SQLException {
        return sequences().size();
    }

    private static List<Long> sequences() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select sequence from share_row order by sequence")) {
            List<Long> sequences = new ArrayList<>();
            while (rs.next()) {
                sequences.add(rs.getLong(1));
            }
            return sequences;
        }
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
