package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class DeadLetterTest {

    @Test
    void theListenerWrapperIsRemovedAndTheReasonNamesTheExceptionThatStartedIt() {
        Exception failure = new ListenerExecutionFailedException("Listener method threw",
                new DataIntegrityViolationException("could not insert", new SQLException("ERROR: refused by the test")));

        DeadLetter letter = DeadLetter.of("share.events.v1", 1, 42L, "share-1", "event", failure);

        assertThat(letter.failure()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(letter.reason()).isEqualTo("Dead-lettered after the retries: SQLException: ERROR: refused by the test");
        assertThat(letter.value()).isEqualTo("event");
    }

    @Test
    void rawBytesAreNoValueAndALongReasonIsCut() {
        DeadLetter letter = DeadLetter.of("t", 0, 0L, null, new byte[] {1, 2},
                new IllegalStateException("x".repeat(1000)));

        assertThat(letter.value()).isNull();
        assertThat(letter.reason()).hasSize(500).endsWith("…");
    }

    @Test
    void aFailureWithoutMessageIsNamedByItsType() {
        assertThat(DeadLetter.of("t", 0, 0L, null, null, new NullPointerException()).reason())
                .isEqualTo("Dead-lettered after the retries: NullPointerException");
    }
}
