package io.shareflow.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.same;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.ValidationException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The error handler the auto-configuration builds, driven the way a listener container drives it
 * ({@code handleRemaining} after each failed delivery), with the recoverer (the DLT) mocked.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaErrorHandlerTest {

    /** 3 deliveries for ordinary failures; waits of a few milliseconds so the test is fast. */
    static final KafkaErrorSettings FAST = new KafkaErrorSettings(Duration.ofMillis(1), 2, Duration.ofMillis(4), 3, Duration.ofMillis(8));

    final DeadLetterPublishingRecoverer deadLetters = mock(DeadLetterPublishingRecoverer.class);
    final Consumer<?, ?> consumer = mock(Consumer.class);
    final MessageListenerContainer container = mock(MessageListenerContainer.class);
    final ConsumerRecord<String, String> record = new ConsumerRecord<>("share.events.v1", 2, 17L, "share-1", "event");

    static Exception databaseDown() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused.", "08001", new ConnectException("Connection refused"));
        return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001", refused));
    }

    /**
     * One failed delivery, as the container reports it. Returns true when the handler gave up on the record
     * (handed it to the recoverer), false when it sought back to retry it.
     */
    boolean failedDelivery(DefaultErrorHandler handler, Exception failure) {
        try {
            handler.handleRemaining(new ListenerExecutionFailedException("Listener method threw", failure), List.of(record),
                    consumer, container);
            return true;
        }
        catch (RuntimeException inRetry) {
            assertThat(inRetry).hasMessageContaining("Record in retry and not yet recovered");
            return false;
        }
    }

    List<Boolean> failedDeliveries(DefaultErrorHandler handler, int count, Exception failure) {
        List<Boolean> recovered = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            recovered.add(failedDelivery(handler, failure));
        }
        return recovered;
    }

    @Test
    void infrastructureFailuresAreRetriedFarBeyondMaxAttemptsAndNeverDeadLettered() {
        DefaultErrorHandler handler = ShareflowKafkaAutoConfiguration.errorHandler(deadLetters, FAST);

        assertThat(failedDeliveries(handler, 40, databaseDown())).containsOnly(false);

        verify(deadLetters, never()).accept(any(), any(), any());
        verify(consumer, times(40)).seek(new TopicPartition("share.events.v1", 2), 17L);
    }

    @Test
    void ordinaryFailuresAreRetriedMaxAttemptsTimesThenDeadLettered() {
        DefaultErrorHandler handler = ShareflowKafkaAutoConfiguration.errorHandler(deadLetters, FAST);

        assertThat(failedDeliveries(handler, 3, new IllegalStateException("bug"))).containsExactly(false, false, true);

        verify(deadLetters).accept(same(record), same(consumer), any());
    }

    @Test
    void recordsNoRetryCanFixAreDeadLetteredAtOnce() {
        DefaultErrorHandler handler = ShareflowKafkaAutoConfiguration.errorHandler(deadLetters, FAST);

        assertThat(failedDelivery(handler, new IllegalArgumentException("event refused"))).isTrue();
        assertThat(failedDelivery(handler, new ValidationException("invalid"))).isTrue();

        verify(deadLetters, times(2)).accept(same(record), same(consumer), any());
    }

    @Test
    void anInfrastructureFailureWrappedInANotRetryableOneStillWaits() {
        DefaultErrorHandler handler = ShareflowKafkaAutoConfiguration.errorHandler(deadLetters, FAST);
        Exception validatorHitTheOutage = new ValidationException("HV000028: Unexpected exception during isValid call", databaseDown());

        assertThat(failedDeliveries(handler, 20, validatorHitTheOutage)).containsOnly(false);

        verify(deadLetters, never()).accept(any(), any(), any());
    }

    @Test
    void aRecordThatFailsForItsOwnReasonsOnceTheDatabaseIsBackGetsTheBoundedRetries() {
        DefaultErrorHandler handler = ShareflowKafkaAutoConfiguration.errorHandler(deadLetters, FAST);

        assertThat(failedDeliveries(handler, 10, databaseDown())).containsOnly(false);
        assertThat(failedDeliveries(handler, 3, new IllegalStateException("bug"))).containsExactly(false, false, true);

        verify(deadLetters).accept(same(record), same(consumer), any());
    }

    @Test
    void withoutRetriesForOrdinaryFailuresInfrastructureFailuresStillWait() {
        KafkaErrorSettings noRetries = new KafkaErrorSettings(Duration.ofMillis(1), 2, Duration.ofMillis(4), 1, Duration.ofMillis(8));
        DefaultErrorHandler handler = ShareflowKafkaAutoConfiguration.errorHandler(deadLetters, noRetries);

        assertThat(failedDeliveries(handler, 10, databaseDown())).containsOnly(false);
        verify(deadLetters, never()).accept(any(), any(), any());

        assertThat(failedDelivery(handler, new IllegalStateException("bug"))).isTrue();
        verify(deadLetters).accept(same(record), same(consumer), any());
    }

    @Test
    void infrastructureWaitsGrowToTheirCapAndNeverStop() {
        KafkaErrorSettings defaults = new KafkaErrorSettings(Duration.ofMillis(500), 2, Duration.ofSeconds(10), 6, Duration.ofSeconds(30));
        BackOffExecution waits = new RecordRetryPolicy(defaults).infrastructure().start();

        List<Long> first = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            first.add(waits.nextBackOff());
        }
        assertThat(first).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L);
        for (int i = 0; i < 100_000; i++) { // about five weeks of outage
            assertThat(waits.nextBackOff()).isEqualTo(30000L);
        }
    }

    @Test
    void ordinaryWaitsAreTheDocumentedOnes() {
        KafkaErrorSettings defaults = new KafkaErrorSettings(Duration.ofMillis(500), 2, Duration.ofSeconds(10), 6, Duration.ofSeconds(30));
        BackOffExecution waits = new RecordRetryPolicy(defaults).bounded().start();

        List<Long> all = new ArrayList<>();
        for (long wait = waits.nextBackOff(); wait != BackOffExecution.STOP; wait = waits.nextBackOff()) {
            all.add(wait);
        }
        assertThat(all).containsExactly(500L, 1000L, 2000L, 4000L, 8000L);
    }

    @Test
    void eachInfrastructureRetryIsOneWarnLineWithWhereAndWhyButNoStackTrace(CapturedOutput output) {
        DefaultErrorHandler handler = ShareflowKafkaAutoConfiguration.errorHandler(deadLetters, FAST);

        failedDeliveries(handler, 2, databaseDown());
        failedDeliveries(handler, 2, new IllegalStateException("an ordinary failure"));

        List<String> lines = output.getAll().lines().filter(line -> line.contains("InfrastructureRetryLogger")).toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("WARN", "share.events.v1-2@17", "delivery attempt 1",
                "CannotCreateTransactionException: Could not open JDBC Connection for transaction",
                "root cause: java.net.ConnectException: Connection refused");
        assertThat(lines.get(1)).contains("delivery attempt 2");
        assertThat(output.getAll()).doesNotContain("an ordinary failure").doesNotContain("\tat ");
    }
}
