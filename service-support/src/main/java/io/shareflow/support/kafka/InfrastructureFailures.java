package io.shareflow.support.kafka;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Set;

import io.shareflow.support.Causes;
import org.apache.kafka.common.errors.RetriableException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the infrastructure a listener depends on (the database, a mail server, the broker,
 * the network) from a failure caused by the record itself. An infrastructure failure says nothing about
 * the record: the same record succeeds once the database is back, so it must wait, not be dead-lettered.
 *
 * <p>A failure counts as infrastructure when <em>any</em> exception in its cause chain is one of:
 * <ul>
 *   <li>Spring's {@link DataAccessResourceFailureException} (incl. {@code CannotGetJdbcConnectionException}),
 *       {@link TransientDataAccessException} (incl. {@code QueryTimeoutException}, lock and serialization
 *       failures), {@link RecoverableDataAccessException}, {@link CannotCreateTransactionException};</li>
 *   <li>JDBC's {@link SQLTransientException} (incl. the pool's {@code SQLTransientConnectionException}),
 *       {@link SQLRecoverableException}, {@link SQLNonTransientConnectionException}, or any
 *       {@link SQLException} whose SQL state says so (see {@link #INFRASTRUCTURE_SQL_STATE_CLASSES}) — for
 *       driver exceptions that reach the listener untranslated;</li>
 *   <li>{@link ConnectException}, {@link NoRouteToHostException}, {@link UnknownHostException},
 *       {@link SocketTimeoutException} (a server that cannot be reached or does not answer);</li>
 *   <li>Kafka's {@link RetriableException} (e.g. a produce timing out while a broker is away).</li>
 * </ul>
 * The whole chain is searched, not only its top, because frameworks wrap: a bean validator that queries
 * the database during an outage surfaces as a {@code ValidationException} caused by
 * {@code CannotGetJdbcConnectionException}, and that is still the database's fault, not the record's. A failed
 * rollback ({@code TransactionSystemException}) counts by the failure it overrode, its application exception, as
 * the web tier's {@code DatabaseUnavailable} does.
 *
 * <p>Deliberately not included: integrity violations (duplicate key, foreign key), bad SQL, and plain
 * {@code IOException}/{@code SocketException} (a record can cause those, e.g. by being too large).
 */
final class InfrastructureFailures {

    /**
     * SQLSTATE classes (first two characters) of infrastructure trouble, as Spring's SQLState translator also
     * reads them: 08 connection exception, 53 insufficient resources (disk full, too many connections), 57
     * operator intervention (server shutting down or starting up, statement cancelled).
     */
    static final Set<String> INFRASTRUCTURE_SQL_STATE_CLASSES = Set.of("08", "53", "57");

    /** Single SQLSTATEs of transient failures: serialization failure and deadlock (a retry succeeds). */
    static final Set<String> INFRASTRUCTURE_SQL_STATES = Set.of("40001", "40P01");

    private static final List<Class<? extends Throwable>> INFRASTRUCTURE_TYPES = List.of(
            DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class, CannotCreateTransactionException.class,
            SQLTransientException.class, SQLRecoverableException.class, SQLNonTransientConnectionException.class,
            ConnectException.class, NoRouteToHostException.class, UnknownHostException.class,
            SocketTimeoutException.class, RetriableException.class);

    private InfrastructureFailures() {
    }

    /**
     * @param failure what a listener threw, possibly wrapped by spring-kafka; may be null
     * @return whether anything in its cause chain is an infrastructure failure; false for null
     */
    static boolean isInfrastructureFailure(Throwable failure) {
        return infrastructureCause(failure) != null;
    }

    /**
     * @param failure what a listener threw; may be null
     * @return the first exception in the cause chain that makes it an infrastructure failure, or null
     */
    static Throwable infrastructureCause(Throwable failure) {
        return Causes.firstMatching(failure, InfrastructureFailures::isInfrastructureType);
    }

    /**
     * @param failure any exception; may be null
     * @return the last exception of its cause chain (the one that started it), or null for null
     */
    static Throwable rootCause(Throwable failure) {
        List<Throwable> chain = Causes.chain(failure);
        return chain.isEmpty() ? null : chain.get(chain.size() - 1);
    }

    private static boolean isInfrastructureType(Throwable exception) {
        for (Class<? extends Throwable> type : INFRASTRUCTURE_TYPES) {
            if (type.isInstance(exception)) {
                return true;
            }
        }
        return exception instanceof SQLException sql && isInfrastructureSqlState(sql.getSQLState());
    }

    private static boolean isInfrastructureSqlState(String sqlState) {
        if (sqlState == null || sqlState.length() < 2) {
            return false;
        }
        return INFRASTRUCTURE_SQL_STATE_CLASSES.contains(sqlState.substring(0, 2))
                || INFRASTRUCTURE_SQL_STATES.contains(sqlState);
    }
}
