package io.shareflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionSystemException;

class CausesTest {

    @Test
    void theChainRunsFromTheOutermostToTheRoot() {
        SQLException root = new SQLException("connection refused", "08001");
        IllegalStateException outer = new IllegalStateException("wrapped", new UncheckedIOException(new IOException(root)));

        assertThat(Causes.chain(outer)).hasSize(4).startsWith(outer).endsWith(root);
        assertThat(Causes.chain(null)).isEmpty();
    }

    @Test
    void findReturnsTheOutermostOfTheTypeOrNull() {
        IOException inner = new IOException("inner");
        IOException middle = new IOException("middle", inner);
        RuntimeException outer = new RuntimeException(middle);

        assertThat(Causes.find(outer, IOException.class)).isSameAs(middle);
        assertThat((Throwable) Causes.find(outer, SQLException.class)).isNull();
        assertThat(Causes.find(null, IOException.class)).isNull();
    }

    @Test
    void aChainThatLoopsEnds() {
        IllegalStateException outer = new IllegalStateException("outer");
        IllegalArgumentException inner = new IllegalArgumentException("inner");
        outer.initCause(inner);
        inner.initCause(outer);

        assertThat(Causes.chain(outer)).containsExactly(outer, inner);
        assertThat(Causes.find(outer, UnsupportedOperationException.class)).isNull();
    }

    @Test
    void firstMatchingLooksThroughAFailedRollbackAtTheFailureItOverrode() {
        SQLException statement = new SQLException("terminating connection due to administrator command", "57P01");
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new IllegalStateException("insert failed", statement));
        RuntimeException outer = new RuntimeException("listener failed", rollback);

        assertThat(Causes.firstMatching(outer, t -> t instanceof SQLException sql && sql.getSQLState() != null))
                .isSameAs(statement);
        assertThat(Causes.firstMatching(outer, SQLException.class::isInstance))
                .as("what the rollback overrode, before the rollback's own cause").isSameAs(statement);
        assertThat(Causes.firstMatching(outer, t -> "Connection is closed".equals(t.getMessage())))
                .as("the rollback's own cause, when the overridden failure has no match").isSameAs(rollback.getCause());
        assertThat(Causes.firstMatching(outer, UncheckedIOException.class::isInstance)).isNull();
        assertThat(Causes.firstMatching(null, t -> true)).isNull();
    }
}
