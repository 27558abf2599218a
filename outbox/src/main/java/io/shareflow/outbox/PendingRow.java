package io.shareflow.outbox;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** One pending outbox row, as the relay sends it. */
record PendingRow(long seq, String topic, String key, byte[] payload, List<Header> headers, Instant createdAt) {

    ProducerRecord<String, byte[]> toRecord() {
        return new ProducerRecord<>(topic, null, key, payload, headers);
    }
}
