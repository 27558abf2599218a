package io.shareflow.support.kafka;

import java.util.List;

import io.shareflow.schemas.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Publishes to {@code <topic>.dlt} on a partition Kafka chooses (-1), so a dead-letter topic need not have
 * as many partitions as its source; says so in the log at WARN, because with a recoverer in place
 * spring-kafka itself logs nothing when it gives up on a record; and counts it once it is written
 * ({@link DeadLetterCounts}: a dead letter that could not be written throws, and the record is tried again). Once a
 * record is published there, the service's {@link DeadLetterFollowUp}s are told, each on its own: what one throws is
 * logged and goes no further.
 */
final class LoggingDeadLetterPublishingRecoverer extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(LoggingDeadLetterPublishingRecoverer.class);

    private final DeadLetterCounts counts;
    private final List<DeadLetterFollowUp> followUps;

    LoggingDeadLetterPublishingRecoverer(KafkaOperations<?, ?> template, DeadLetterCounts counts,
                                         List<DeadLetterFollowUp> followUps) {
        super(template, (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        this.counts = counts;
        this.followUps = List.copyOf(followUps);
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        log.warn("Giving up on {}-{}@{} (key {}): publishing it to {}", record.topic(), record.partition(),
                record.offset(), record.key(), Topics.deadLetter(record.topic()), exception);
        super.accept(record, consumer, exception);
        counts.deadLettered(record.topic());
        if (followUps.isEmpty()) {
            return;
        }
        DeadLetter letter = DeadLetter.of(record.topic(), record.partition(), record.offset(), record.key(),
                record.value(), exception);
        for (DeadLetterFollowUp followUp : followUps) {
            try {
                followUp.deadLettered(letter);
            } catch (RuntimeException e) {
                // Best effort by contract: the record is dead-lettered and the partition must go on.
                log.error("Follow-up {} of the dead letter {}-{}@{} failed", followUp.getClass().getName(),
                        record.topic(), record.partition(), record.offset(), e);
            }
        }
    }
}
