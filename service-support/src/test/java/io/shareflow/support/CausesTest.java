package io.shareflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

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
}
