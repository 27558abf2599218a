package io.shareflow.support.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import io.shareflow.support.Causes;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells "the service cannot reach its database" apart from every other failure, so that a request answers 503 at
 * once instead of a 500: the request was fine, and the same one succeeds once the database is back.
 *
 * <p>The database counts as unreachable when <em>any</em> exception in the cause chain is one of
 * <ul>
 *   <li>Spring's {@link DataAccessResourceFailureException} (incl. {@code CannotGetJdbcConnectionException}; the
 *       SQLState translator also gives it for classes 53/57: disk full, too many connections, shutting down) or
 *       {@link TransientDataAccessResourceException} (the translator's class 08, connection exception);</li>
 *   <li>the pool's {@link SQLTransientConnectionException} (Hikari: "Connection is not available, request timed
 *       out") or JDBC's {@link SQLNonTransientConnectionException};</li>
 *   <li>an {@link SQLException} of SQLState class 08 (connection exception, e.g. pgjdbc's 08001 "connection
 *       refused", 08006 "I/O error") or 57P01-57P03 (the server is shutting down or starting up) — the driver's own
 *       exception, wherever it reaches us untranslated (e.g. under {@code CannotCreateTransactionException}).</li>
 * </ul>
 * and also when a {@link TransactionSystemException} (a failed rollback) holds such a failure as the application
 * exception it overrode.
 * Deliberately narrower than the Kafka error handler's infrastructure failures: lock timeouts, deadlocks and
 * statement timeouts are not "the database is away", and SMTP or the network to Kafka play no part in a request.
 */
final class DatabaseUnavailable {

    /** The client-facing message of the 503. */
    static final String MESSAGE = "The database is unavailable; try again shortly.";

    /** PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    /**
     * @param failure any exception; may be null
     * @return the first exception of its cause chain that says the database cannot be reached, or null
     */
    static Throwable cause(Throwable failure) {
        return Causes.firstMatching(failure, DatabaseUnavailable::isUnreachable);
    }

    private static boolean isUnreachable(Throwable exception) {
        if (exception instanceof DataAccessResourceFailureException
                || exception instanceof TransientDataAccessResourceException
                || exception instanceof SQLTransientConnectionException
                || exception instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (exception instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || SERVER_GOING_AWAY.contains(state);
        }
        return false;
    }
}
