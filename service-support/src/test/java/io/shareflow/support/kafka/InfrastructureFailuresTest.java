package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import jakarta.validation.ValidationException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class InfrastructureFailuresTest {

    /** What pgjdbc throws when nothing listens on the port: SQLState 08001, caused by the refused connect. */
    static SQLException connectionRefused() {
        return new SQLException("Connection to localhost:5432 refused.", "08001", new ConnectException("Connection refused"));
    }

    /** What the listener sees through a Hikari pool and a transaction manager, wrapped by spring-kafka. */
    static Exception databaseDownBehindPoolAndTransaction() {
        var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1000ms",
                "08001", connectionRefused());
        return new ListenerExecutionFailedException("Listener method threw",
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction", pool));
    }

    static Stream<Arguments> infrastructureFailures() {
        return Stream.of(
                Arguments.of("database down behind pool, transaction manager and listener wrapper", databaseDownBehindPoolAndTransaction()),
                Arguments.of("CannotGetJdbcConnectionException", new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", connectionRefused())),
                Arguments.of("DataAccessResourceFailureException", new DataAccessResourceFailureException("I/O error")),
                Arguments.of("QueryTimeoutException", new QueryTimeoutException("statement timeout")),
                Arguments.of("TransientDataAccessResourceException", new TransientDataAccessResourceException("read-only replica")),
                Arguments.of("CannotAcquireLockException (transient)", new CannotAcquireLockException("lock timeout")),
                Arguments.of("RecoverableDataAccessException", new RecoverableDataAccessException("recoverable")),
                Arguments.of("CannotCreateTransactionException", new CannotCreateTransactionException("no connection")),
                Arguments.of("SQLTransientConnectionException", new SQLTransientConnectionException("pool exhausted")),
                Arguments.of("SQLTimeoutException (an SQLTransientException)", new SQLTimeoutException("timeout")),
                Arguments.of("SQLRecoverableException", new SQLRecoverableException("connection lost")),
                Arguments.of("SQLNonTransientConnectionException", new SQLNonTransientConnectionException("cannot connect")),
                Arguments.of("raw SQLState 08006 connection failure", new SQLException("An I/O error occurred while sending to the backend.", "08006")),
                Arguments.of("raw SQLState 57P01 admin shutdown", new SQLException("terminating connection due to administrator command", "57P01")),
                Arguments.of("raw SQLState 57P03 cannot connect now", new SQLException("the database system is starting up", "57P03")),
                Arguments.of("raw SQLState 53300 too many connections", new SQLException("sorry, too many clients already", "53300")),
                Arguments.of("raw SQLState 40001 serialization failure", new SQLException("could not serialize access", "40001")),
                Arguments.of("raw SQLState 40P01 deadlock", new SQLException("deadlock detected", "40P01")),
                Arguments.of("untranslated driver error under Spring's catch-all", new UncategorizedSQLException("insert", "insert ...",
                        new SQLException("terminating connection due to administrator command", "57P01"))),
                Arguments.of("commit failed because the connection broke", new TransactionSystemException("Could not commit JDBC transaction",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"))),
                Arguments.of("SMTP server refusing connections, as mail libraries wrap it",
                        new IllegalStateException("Mail server connection failed", new IOException("Couldn't connect to host, port: localhost, 3025",
                                new ConnectException("Connection refused")))),
                Arguments.of("ConnectException", new ConnectException("Connection refused")),
                Arguments.of("NoRouteToHostException", new NoRouteToHostException("No route to host")),
                Arguments.of("UnknownHostException", new UnknownHostException("postgres.internal")),
                Arguments.of("SocketTimeoutException", new SocketTimeoutException("connect timed out")),
                Arguments.of("Kafka's retriable TimeoutException, wrapped", new RuntimeException("send failed",
                        new TimeoutException("Expiring 1 record(s)"))),
                Arguments.of("a validator that queried the database during an outage", new ValidationException("HV000028: Unexpected exception during isValid call",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", connectionRefused()))),
                Arguments.of("IllegalArgumentException caused by a refused connection", new IllegalArgumentException("lookup failed",
                        new ConnectException("Connection refused"))));
    }

    static Stream<Arguments> recordFailures() {
        return Stream.of(
                Arguments.of("IllegalArgumentException", new IllegalArgumentException("event refused")),
                Arguments.of("IllegalStateException", new IllegalStateException("unexpected state")),
                Arguments.of("NullPointerException behind the listener wrapper", new ListenerExecutionFailedException("Listener method threw",
                        new NullPointerException("field"))),
                Arguments.of("ValidationException", new ValidationException("invalid")),
                Arguments.of("DeserializationException", new DeserializationException("failed to deserialize", new byte[] {1}, false,
                        new IllegalStateException("Not Avro single-object encoding"))),
                Arguments.of("DuplicateKeyException", new DuplicateKeyException("duplicate key", new SQLException("duplicate key", "23505"))),
                Arguments.of("DataIntegrityViolationException (foreign key)", new DataIntegrityViolationException("fk",
                        new SQLException("violates foreign key constraint", "23503"))),
                Arguments.of("BadSqlGrammarException", new BadSqlGrammarException("select", "selec 1", new SQLException("syntax error", "42601"))),
                Arguments.of("EmptyResultDataAccessException", new EmptyResultDataAccessException(1)),
                Arguments.of("raw SQLException without state", new SQLException("something")),
                Arguments.of("raw SQLException of a check constraint", new SQLException("violates check constraint", "23514")),
                Arguments.of("a one-letter SQLState", new SQLException("odd driver", "0")),
                Arguments.of("plain SocketException (e.g. broken pipe for a too large message)", new SocketException("Broken pipe")),
                Arguments.of("plain IOException", new IOException("disk")),
                Arguments.of("Kafka's non-retriable RecordTooLargeException", new RecordTooLargeException("too large")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("infrastructureFailures")
    void infrastructureFailuresAreRecognisedAnywhereInTheCauseChain(String description, Exception failure) {
        assertThat(InfrastructureFailures.isInfrastructureFailure(failure)).isTrue();
        assertThat(InfrastructureFailures.infrastructureCause(failure)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordFailures")
    void failuresOfTheRecordItselfAreNotInfrastructure(String description, Exception failure) {
        assertThat(InfrastructureFailures.isInfrastructureFailure(failure)).isFalse();
        assertThat(InfrastructureFailures.infrastructureCause(failure)).isNull();
    }

    @Test
    void theOutermostInfrastructureExceptionIsTheCauseAndTheInnermostTheRoot() {
        Exception failure = databaseDownBehindPoolAndTransaction();

        assertThat(InfrastructureFailures.infrastructureCause(failure)).isInstanceOf(CannotCreateTransactionException.class);
        assertThat(InfrastructureFailures.rootCause(failure)).isInstanceOf(ConnectException.class).hasMessage("Connection refused");
    }

    /**
     * The listener's transaction on a pooled connection as the server shut down: the statement fails, then its
     * rollback, whose own failure says nothing of why. Counted by the statement, so the record waits for the database
     * instead of spending its ordinary retries on the way to the dead-letter topic.
     */
    @Test
    void aFailedRollbackAfterTheDatabaseWentAwayCountsByTheStatementItOverrode() {
        var statement = new TransientDataAccessResourceException("PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(statement);

        assertThat(InfrastructureFailures.infrastructureCause(new ListenerExecutionFailedException("Listener method threw",
                rollback))).isSameAs(statement);

        var afterABug = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        afterABug.initApplicationException(new IllegalStateException("a bug"));
        assertThat(InfrastructureFailures.isInfrastructureFailure(afterABug)).as("a rollback failing after a bug").isFalse();
    }

    @Test
    void nullIsNoFailure() {
        assertThat(InfrastructureFailures.isInfrastructureFailure(null)).isFalse();
        assertThat(InfrastructureFailures.rootCause(null)).isNull();
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        var outer = new IllegalStateException("outer");
        var inner = new IllegalArgumentException("inner");
        outer.initCause(inner);
        inner.initCause(outer);

        assertThat(InfrastructureFailures.isInfrastructureFailure(outer)).isFalse();
        assertThat(InfrastructureFailures.rootCause(outer)).isSameAs(inner);
    }
}
