package io.shareflow.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.shareflow.schemas.AvroEventSerializer;
import io.shareflow.schemas.CloudEventHeaders;
import io.shareflow.schemas.EventTypes;
import org.apache.avro.specific.SpecificRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Appends events to the outbox table in the caller's current database transaction, so the event
 * is published if and only if the business change commits. The relay ({@link OutboxRelay})
 * sends it to Kafka afterwards.
 *
 * <p>Each append takes a transaction-scoped advisory lock on the event's key first: two
 * transactions writing events with the same key are serialised, so the order of the outbox rows
 * of one key is their commit order, which is the order the relay publishes them in.
 *
 * <p>All arguments are non-null unless stated otherwise. Thread-safe.
 */
public class OutboxWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final String eventSource;
    private final TraceparentSource traceparents;

    /**
     * @param jdbc         on the same {@code DataSource} as the caller's transactions
     * @param eventSource  the CloudEvents {@code ce_source}, e.g. {@code /shareflow/share-api}
     * @param traceparents the W3C {@code traceparent} to stamp on each event
     */
    public OutboxWriter(JdbcClient jdbc, String eventSource, TraceparentSource traceparents) {
        this.jdbc = jdbc;
        this.eventSource = eventSource;
        this.traceparents = traceparents;
    }

    /**
     * Appends one event.
     *
     * @param topic         the Kafka topic it is published to
     * @param aggregateType e.g. {@code share} or {@code user}
     * @param aggregateId   the Kafka record key (a share id or a user id)
     * @param event         a generated Avro event with {@code eventId} and {@code occurredAt}
     * @throws IllegalTransactionStateException if no transaction is active: an outbox write
     *                                          outside a transaction would defeat its purpose
     */
    public void append(String topic, String aggregateType, String aggregateId, SpecificRecord event) {
        append(topic, aggregateType, aggregateId, event, Map.of());
    }

    /** As {@link #append(String, String, String, SpecificRecord)}, with extra Kafka headers. */
    public void append(String topic, String aggregateType, String aggregateId, SpecificRecord event,
                       Map<String, String> extraHeaders) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException(
                    "OutboxWriter.append needs an active transaction: the event must commit with the change it describes");
        }
        Map<String, String> headers = new HashMap<>(CloudEventHeaders.of(event, eventSource));
        traceparents.current().ifPresent(traceparent -> headers.put("traceparent", traceparent));
        headers.putAll(extraHeaders);
        jdbc.sql("""
                        with key_lock as (select pg_advisory_xact_lock(hashtextextended(:aggregateId, 0)))
                        insert into outbox_event (id, aggregatetype, aggregateid, type, payload, headers, topic)
                        select :id, :aggregateType, :aggregateId, :type, :payload, cast(:headers as jsonb), :topic
                        from key_lock
                        """)
                .param("id", UUID.fromString(CloudEventHeaders.eventId(event)))
                .param("aggregateType", aggregateType)
                .param("aggregateId", aggregateId)
                .param("type", EventTypes.typeOf(event))
                .param("payload", AvroEventSerializer.encode(event))
                .param("headers", JSON.writeValueAsString(headers))
                .param("topic", topic)
                .update();
    }
}
