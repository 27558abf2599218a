package io.shareflow.support.kafka;

import io.shareflow.support.Causes;
import jakarta.validation.ValidationException;
import org.apache.kafka.common.errors.SerializationException;

import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;
import org.springframework.validation.method.MethodValidationException;

/**
 * How long the error handler retries a failed record in place, decided by what failed (the
 * {@code DefaultErrorHandler}'s back-off function):
 * <ol>
 *   <li>an {@linkplain InfrastructureFailures infrastructure failure} anywhere in the cause chain: retried
 *       for as long as it takes, waits growing up to {@code infrastructure-max-backoff}; never dead-lettered;</li>
 *   <li>else a failure no retry can fix ({@link #NOT_RETRYABLE}): not retried, dead-lettered at once;</li>
 *   <li>else (a bug, an unexpected state): the bounded back-off, then the dead-letter topic.</li>
 * </ol>
 * The infrastructure check comes first so that a validation error caused by a database outage waits too.
 * spring-kafka's own fatal types (its {@code DeserializationException}, conversion errors,
 * {@code ClassCastException}) are decided before this policy is asked and always go to the DLT.
 */
final class RecordRetryPolicy {

    /**
     * Failures that no retry can fix: unreadable records, and records the listener rejected as invalid.
     * Matched anywhere in the cause chain, as spring-kafka's own classification does.
     */
    @SuppressWarnings("unchecked")
    static final Class<? extends Exception>[] NOT_RETRYABLE = new Class[] {
            SerializationException.class, IllegalArgumentException.class, ValidationException.class,
            MethodValidationException.class};

    /** Straight to the recoverer (spring-kafka's own value for not-retryable exceptions). */
    static final BackOff NO_RETRIES = new FixedBackOff(0, 0);

    private final BackOff bounded;
    private final BackOff infrastructure;

    RecordRetryPolicy(KafkaErrorSettings settings) {
        ExponentialBackOffWithMaxRetries bounded = new ExponentialBackOffWithMaxRetries(settings.maxAttempts() - 1);
        bounded.setInitialInterval(settings.initialInterval().toMillis());
        bounded.setMultiplier(settings.multiplier());
        bounded.setMaxInterval(settings.maxInterval().toMillis());
        this.bounded = bounded;

        ExponentialBackOff infrastructure = new ExponentialBackOff(settings.initialInterval().toMillis(), settings.multiplier());
        infrastructure.setMaxInterval(settings.infrastructureMaxBackoff().toMillis());
        infrastructure.setMaxElapsedTime(Long.MAX_VALUE);
        infrastructure.setMaxAttempts(Long.MAX_VALUE);
        this.infrastructure = infrastructure;
    }

    /** The back-off of ordinary failures: {@code max-attempts} deliveries in all, then the DLT. */
    BackOff bounded() {
        return bounded;
    }

    /** The back-off of infrastructure failures: unlimited. */
    BackOff infrastructure() {
        return infrastructure;
    }

    /**
     * @param failure what the listener threw (spring-kafka passes it with its own wrapper removed); may be null
     * @return the back-off for this failure, never null: {@link #infrastructure()}, {@link #NO_RETRIES} or {@link #bounded()}
     */
    BackOff backOffFor(Exception failure) {
        if (InfrastructureFailures.isInfrastructureFailure(failure)) {
            return infrastructure;
        }
        if (isNotRetryable(failure)) {
            return NO_RETRIES;
        }
        return bounded;
    }

    private static boolean isNotRetryable(Throwable failure) {
        for (Throwable cause : Causes.chain(failure)) {
            for (Class<? extends Exception> type : NOT_RETRYABLE) {
                if (type.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }
}
