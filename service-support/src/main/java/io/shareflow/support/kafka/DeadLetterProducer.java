package io.shareflow.support.kafka;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.shareflow.schemas.AvroEventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ToStringSerializer;

/**
 * The producer that writes dead letters. A failed record reaches the recoverer either as raw bytes (its
 * value could not be deserialized) or as what the listener received (usually an Avro event), so the
 * serializer is chosen by the value's type: bytes as they are, Avro events in single-object encoding,
 * strings as UTF-8, anything else as its {@code toString()} so that a dead letter can always be written.
 *
 * <p>Not a {@code ProducerFactory} bean on purpose: that would make Boot's own producer factory back off.
 */
final class DeadLetterProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<Object, Object> producerFactory;
    private final KafkaTemplate<Object, Object> template;

    /** @param producerConfig the service's producer configuration (bootstrap servers, security, acks) */
    DeadLetterProducer(Map<String, Object> producerConfig) {
        Map<String, Object> config = new HashMap<>(producerConfig);
        // Dead letters are written outside any transaction of the service, after the fact.
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        this.producerFactory = new DefaultKafkaProducerFactory<>(config, byType(), byType());
        this.producerFactory.setPhysicalCloseTimeout(5);
        this.template = new KafkaTemplate<>(producerFactory);
    }

    KafkaTemplate<Object, Object> template() {
        return template;
    }

    @Override
    public void destroy() {
        producerFactory.destroy();
    }

    @SuppressWarnings("unchecked")
    private static Serializer<Object> byType() {
        Map<Class<?>, Serializer<?>> delegates = new LinkedHashMap<>();
        delegates.put(byte[].class, new ByteArraySerializer());
        delegates.put(String.class, new StringSerializer());
        delegates.put(SpecificRecord.class, new AvroEventSerializer());
        delegates.put(Object.class, new ToStringSerializer<>());
        // assignable = true: generated event classes match SpecificRecord, the most specific entry wins.
        // The producer factory configures it (key or value) with the producer's configuration.
        return (Serializer<Object>) (Serializer<?>) new DelegatingByTypeSerializer(delegates, true);
    }
}
