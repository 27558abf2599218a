package io.shareflow.support.kafka;

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
 * ({@link DeadLetterCounts}: a dead letter that could not be written throws, and the record is tried again).
 */
final class LoggingDeadLetterPublishingRecoverer extends DeadLetterPublishingRecoverer {

    private static final Logger log = LoggerFactory.getLogger(LoggingDeadLetterPublishingRecoverer.class);

    private final DeadLetterCounts counts;

    LoggingDeadLetterPublishingRecoverer(KafkaOperations<?, ?> template, DeadLetterCounts counts) {
        super(template, (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        this.counts = counts;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        log.warn("Giving up on {}-{}@{} (key {}): publishing it to {}", record.topic(), record.partition(),
                record.offset(), record.key(), Topics.deadLetter(record.topic()), exception);
        super.accept(record, consumer, exception);
        counts.deadLettered(record.topic());
    }
}
