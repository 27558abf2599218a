package io.shareflow.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseUnavailableTest {

    @Test
    void thePoolGivingUpUnderATransactionManagerIsTheDatabaseBeingAway() {
        var pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001",
                new ConnectException("Connection refused"));
        var failure = new CannotCreateTransactionException("Could not open JDBC Connection for transaction", pool);

        assertThat(DatabaseUnavailable.cause(failure)).isSameAs(pool);
    }

    @Test
    void springsResourceFailuresCount() {
        assertThat(DatabaseUnavailable.cause(new DataAccessResourceFailureException("Failed to obtain JDBC Connection")))
                .isNotNull();
        assertThat(DatabaseUnavailable.cause(new TransientDataAccessResourceException("I/O error"))).isNotNull();
    }

    @Test
    void theDriversOwnConnectionAndShutdownStatesCount() {
        for (String state : new String[] {"08001", "08006", "57P01", "57P02", "57P03"}) {
            var driver = new SQLException("FATAL: terminating connection", state);
            assertThat(DatabaseUnavailable.cause(new IllegalStateException("wrapped", driver))).as(state).isSameAs(driver);
        }
        assertThat(DatabaseUnavailable.cause(new SQLNonTransientConnectionException("closed"))).isNotNull();
    }

    /** A pooled connection used as the server shut down: the statement fails, then its rollback. */
    @Test
    void aFailedRollbackAfterTheServerWentAwayCountsByTheStatementItOverrode() {
        var statement = new TransientDataAccessResourceException("PreparedStatementCallback",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        rollback.initApplicationException(statement);

        assertThat(DatabaseUnavailable.cause(rollback)).isSameAs(statement);
        var otherRollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        otherRollback.initApplicationException(new IllegalStateException("a bug"));
        assertThat(DatabaseUnavailable.cause(otherRollback)).as("a rollback failing after a bug").isNull();
    }

    @Test
    void otherFailuresOfTheDatabaseOrTheRequestDoNot() {
        assertThat(DatabaseUnavailable.cause(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isNull();
        assertThat(DatabaseUnavailable.cause(new SQLException("canceling statement due to user request", "57014"))).isNull();
        assertThat(DatabaseUnavailable.cause(new SQLException("no state"))).isNull();
        assertThat(DatabaseUnavailable.cause(new QueryTimeoutException("statement timeout"))).isNull();
        assertThat(DatabaseUnavailable.cause(new PessimisticLockingFailureException("deadlock"))).isNull();
        assertThat(DatabaseUnavailable.cause(new IllegalStateException("boom"))).isNull();
        assertThat(DatabaseUnavailable.cause(null)).isNull();
    }
}
