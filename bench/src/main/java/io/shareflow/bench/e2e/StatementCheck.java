package io.shareflow.bench.e2e;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;

/**
 * Checks that {@link RawShareTransaction} sends PostgreSQL what share-api does for one share: turns on
 * PostgreSQL's statement log ({@code log_statement = all}) for a moment, makes one share through the API and one
 * through the raw transaction, and compares the statements of the two transactions, from {@code BEGIN} to
 * {@code COMMIT}. The embedded server's output reaches this JVM through zonky's logger, where it is caught.
 */
final class StatementCheck {

    /** The two transactions' statements, white space folded, and whether they are the same list. */
    record Result(List<String> api, List<String> raw) {
        boolean same() {
            return !api.isEmpty() && api.equals(raw);
        }
    }

    // "[pid] database LOG:  execute <unnamed>: insert ..." / "... LOG:  statement: BEGIN"
    private static final Pattern LINE = Pattern.compile(
            "^\\[(\\d+)] (\\S*) LOG:\\s+(?:execute [^:]+|statement): (.*)$", Pattern.DOTALL);

    private StatementCheck() {
    }

    static Result run(DataSource admin, String apiDatabase, String rawDatabase, Runnable apiShare, Runnable rawShare)
            throws SQLException, InterruptedException {
        Logger logger = (Logger) LoggerFactory.getLogger(EmbeddedPostgres.class);
        ListAppender<ILoggingEvent> caught = new ListAppender<>();
        caught.start();
        Level level = logger.getLevel();
        boolean additive = logger.isAdditive();
        logger.addAppender(caught);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        try {
            configure(admin, "alter system set log_statement = 'all'",
                    "alter system set log_line_prefix = '[%p] %d '");
            TimeUnit.MILLISECONDS.sleep(500); // the reload reaches each backend at its next command
            apiShare.run();
            rawShare.run();
            TimeUnit.MILLISECONDS.sleep(1_000);
        } finally {
            configure(admin, "alter system reset log_statement", "alter system reset log_line_prefix");
            TimeUnit.MILLISECONDS.sleep(300);
            logger.detachAppender(caught);
            logger.setLevel(level);
            logger.setAdditive(additive);
        }
        List<String> lines = joinContinuations(caught.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        return new Result(transaction(lines, apiDatabase), transaction(lines, rawDatabase));
    }

    private static void configure(DataSource admin, String... statements) throws SQLException {
        try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
            s.execute("select pg_reload_conf()");
        }
    }

    /** PostgreSQL writes a statement's further lines with a leading tab. */
    static List<String> joinContinuations(List<String> output) {
        List<String> lines = new ArrayList<>();
        for (String line : output) {
            if (line.startsWith("\t") && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + "\n" + line.substring(1));
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * The statements of the transaction in {@code database} that inserted a share: those of its backend from the
     * {@code BEGIN} before the share's insert to the {@code COMMIT} after it.
     */
    static List<String> transaction(List<String> lines, String database) {
        Map<String, List<String>> byBackend = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches() && m.group(2).equals(database)) {
                byBackend.computeIfAbsent(m.group(1), pid -> new ArrayList<>()).add(fold(m.group(3)));
            }
        }
        for (List<String> statements : byBackend.values()) {
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).startsWith("insert into share (")) {
                    int begin = i;
                    while (begin > 0 && !statements.get(begin).equalsIgnoreCase("BEGIN")) {
                        begin--;
                    }
                    int commit = i;
                    while (commit < statements.size() - 1 && !statements.get(commit).equalsIgnoreCase("COMMIT")) {
                        commit++;
                    }
                    return List.copyOf(statements.subList(begin, commit + 1));
                }
            }
        }
        return List.of();
    }

    private static String fold(String statement) {
        return statement.strip().replaceAll("\\s+", " ");
    }
}
