package io.shareflow.bench.peer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import io.namastack.outbox.handler.OutboxRecordMetadata;
import io.namastack.outbox.handler.OutboxTypedHandler;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import org.springframework.kafka.core.KafkaTemplate;

/**
 * The peer's handler, as namastack-outbox-kafka's {@code KafkaOutboxHandler} does it (that module
 * is not on Maven Central at 1.6.0): one record, keyed by the outbox record key, the record's
 * context as headers, sent with {@link KafkaTemplate} and waited for. namastack marks a record
 * completed when its handler returns, so the handler must return only once the broker has
 * acknowledged: at-least-once, as the relay.
 */
final class KafkaTemplateOutboxHandler implements OutboxTypedHandler<EncodedShareEvent> {

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final AtomicLong sent = new AtomicLong();

    KafkaTemplateOutboxHandler(KafkaTemplate<String, byte[]> kafka, String topic) {
        this.kafka = kafka;
        this.topic = topic;
    }

    @Override
    public void handle(EncodedShareEvent payload, OutboxRecordMetadata metadata) {
        List<Header> headers = metadata.getContext().entrySet().stream()
                .<Header>map(h -> new RecordHeader(h.getKey(), h.getValue().getBytes(StandardCharsets.UTF_8)))
                .toList();
        try {
            kafka.send(new ProducerRecord<>(topic, null, metadata.getKey(), payload.avro(), headers)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge the record of " + metadata.getKey(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the record of " + metadata.getKey(), e);
        }
        sent.incrementAndGet();
    }

    /** Records acknowledged by the broker (namastack marks each one completed right after). */
    long sent() {
        return sent.get();
    }
}
