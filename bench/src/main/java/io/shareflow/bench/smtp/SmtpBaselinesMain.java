package io.shareflow.bench.smtp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.LongStream;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.shareflow.bench.e2e.ShareWrite;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.embedded.mail.MailCatcher;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.flywaydb.core.Flyway;

/**
 * The SMTP baselines on their own, against an embedded catcher (GreenMail) and an embedded PostgreSQL:
 * <ol>
 *   <li>the raw loop ({@link RawSmtpLoop}): invitation-like e-mails over one connection, in e-mails/s (after a
 *       warm-up round);</li>
 *   <li>the synchronous design ({@link SynchronousShareServer}) at 100 requests/s open-loop, p50/p99 per mode, its
 *       write a trivial {@link ShareWrite} (one row in a scratch table) in a database migrated with share-api's
 *       Flyway migrations ({@code share_api_baseline}), through a Hikari pool of 10 as a service's would be.</li>
 * </ol>
 * Run: {@code java -cp "bench/target/classes:$(cat cp.txt)" io.shareflow.bench.smtp.SmtpBaselinesMain} from the
 * repository root ({@code SHAREFLOW_HOME} if elsewhere). System properties: {@code smtp.messages} (default 2000),
 * {@code smtp.rate} (100), {@code smtp.seconds} (20, after 5 s of warm-up), {@code smtp.rounds} (3 raw rounds).
 */
public final class SmtpBaselinesMain {

    private SmtpBaselinesMain() {
    }

    public static void main(String[] args) throws Exception {
        SynchronousShareServer.noDelay();
        int messages = Integer.getInteger("smtp.messages", 2000);
        int rate = Integer.getInteger("smtp.rate", 100);
        int seconds = Integer.getInteger("smtp.seconds", 20);
        int rounds = Integer.getInteger("smtp.rounds", 3);
        try (MailCatcher catcher = MailCatcher.onFreePorts().start()) {
            String host = "localhost";
            int port = catcher.smtpPort();
            Session session = Emails.session(host, port);
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (int warmUp = 0; warmUp < 2; warmUp++) {
                RawSmtpLoop.send(host, port, messages(session, "w" + warmUp + run, messages));
            }
            for (int round = 1; round <= rounds; round++) {
                List<MimeMessage> batch = messages(session, round + run, messages);
                Rate raw = RawSmtpLoop.send(host, port, batch);
                System.out.printf(Locale.ROOT, "raw SMTP loop, one connection, round %d: %s%n", round, raw);
            }
            catcher.clear();

            try (PostgresServer postgres = PostgresServer.onFreePort().start();
                 HikariDataSource db = pool(postgres, baselineDatabase(postgres))) {
                for (SynchronousShareServer.Mode mode : SynchronousShareServer.Mode.values()) {
                    try (SynchronousShareServer server = SynchronousShareServer.start(db, SmtpBaselinesMain::scratchRow,
                            host, port, mode)) {
                        OpenLoop.run(server.uri(), rate, Duration.ofSeconds(5));
                        OpenLoop.Outcome outcome = OpenLoop.run(server.uri(), rate, Duration.ofSeconds(seconds));
                        System.out.printf(Locale.ROOT, "synchronous design, %s, %d req/s open-loop for %d s: %s%n",
                                mode, rate, seconds, outcome);
                    }
                }
            }
        }
    }

    /** The trivial share write: one row in a scratch table. */
    static void scratchRow(Connection connection, long sequence) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into smtp_baseline_share (sequence, recipient) values (?, ?)")) {
            insert.setLong(1, sequence);
            insert.setString(2, "recipient" + sequence + "@example.com");
            insert.executeUpdate();
        }
    }

    /**
     * {@code share_api_baseline}: share-api's schema (its Flyway migrations and the outbox's), which the pipeline
     * never reads, plus the scratch table of {@link #scratchRow}.
     */
    static String baselineDatabase(PostgresServer postgres) throws SQLException {
        String database = "share_api_baseline";
        postgres.createDatabase(database);
        Path migrations = home().resolve("share-api/src/main/resources/db/migration");
        Flyway.configure().dataSource(postgres.dataSource(database))
                .locations("classpath:db/outbox", "filesystem:" + migrations).load().migrate();
        try (Connection c = postgres.dataSource(database).getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    create table if not exists smtp_baseline_share (
                        sequence   bigint      not null,
                        recipient  text        not null,
                        created_at timestamptz not null default now()
                    )""");
            s.execute("truncate smtp_baseline_share");
        }
        return database;
    }

    static HikariDataSource pool(PostgresServer postgres, String database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.jdbcUrl(database));
        config.setUsername(PostgresServer.USER);
        config.setMaximumPoolSize(10);
        config.setPoolName("sync-baseline");
        return new HikariDataSource(config);
    }

    private static List<MimeMessage> messages(Session session, String run, int count) {
        return LongStream.rangeClosed(1, count).mapToObj(n -> Emails.invitation(session, n, run)).toList();
    }

    /** The repository root: SHAREFLOW_HOME, else the working directory or the nearest parent holding share-api. */
    static Path home() {
        String home = System.getenv("SHAREFLOW_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("share-api/src/main/resources/db/migration"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find share-api's migrations: run from the repository or set "
                + "SHAREFLOW_HOME");
    }
}
