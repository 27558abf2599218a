package io.shareflow.localstack.ops;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The runbook's redrive of a dead-letter topic, once its cause is fixed: every record of {@code <topic>.dlt} not
 * redriven before goes back to the topic it came from (spring-kafka's {@code kafka_dlt-original-topic} header, else
 * the name without {@code .dlt}) with its key, value and headers, less the {@code kafka_dlt-*} ones. Progress is the
 * consumer group {@code shareflow-redrive} on the DLT, committed only after the copies are acknowledged
 * ({@code acks=all}, idempotent producer), so a second run redrives nothing again; should a run die between the two,
 * its copies repeat and the consumers skip them by their {@code eventId}. A record that several consumer groups
 * dead-lettered (share-api's events are read by user-provisioner and share-notifier) is in the DLT once per group,
 * with the same {@code kafka_dlt-original-partition}/{@code -offset}: within one run it is sent back once, and every
 * group sees it again (a group that had handled it skips it by its {@code eventId}); run it once every group has given
 * up on the record, or a later group's copy goes back in the next run.
 *
 * <p>{@code bin/redrive-dlt --bootstrap-server localhost:9092 --topic share.events.v1.dlt [--dry-run]}
 */
public final class DeadLetterRedrive {

    static final String GROUP = "shareflow-redrive";
    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    private static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    private static final String DLT_HEADER_PREFIX = "kafka_dlt-";

    private DeadLetterRedrive() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        String servers = options.get("--bootstrap-server");
        String topic = options.get("--topic");
        if (servers == null || topic == null || !topic.endsWith(".dlt")) {
            System.err.println("usage: redrive-dlt --bootstrap-server HOST:PORT --topic <topic>.dlt [--dry-run]");
            System.exit(2);
        }
        int redriven = redrive(servers, topic, options.containsKey("--dry-run"));
        System.out.println((options.containsKey("--dry-run") ? "would redrive " : "redrove ") + redriven
                + " record(s) of " + topic);
    }

    /** @return how many records were (or, with {@code dryRun}, would be) sent back */
    public static int redrive(String bootstrapServers, String deadLetterTopic, boolean dryRun) {
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(p.topic(), p.partition()));
            }
            consumer.assign(partitions);
            // Up to where the DLT ends now: what arrives while this runs waits for the next run.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata done = committed.get(tp);
                if (done == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, done.offset());
                }
            }
            int count = 0;
            Set<String> originals = new HashSet<>();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> progress = new HashMap<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue;
                    }
                    progress.put(tp, new OffsetAndMetadata(record.offset() + 1));
                    if (!originals.add(original(record))) {
                        continue; // the same record, dead-lettered by another consumer group
                    }
                    if (!dryRun) {
                        sends.add(producer.send(copy(record, deadLetterTopic)));
                    }
                    count++;
                }
            }
            if (!dryRun) {
                producer.flush();
                for (Future<RecordMetadata> send : sends) {
                    acknowledged(send); // a copy the broker did not take fails the run before its progress is committed
                }
                consumer.commitSync(progress);
            }
            return count;
        }
    }

    private static void acknowledged(Future<RecordMetadata> send) {
        try {
            send.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before every copy was acknowledged; nothing committed", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A copy was refused (" + e.getCause() + "); nothing committed: run it again",
                    e.getCause());
        }
    }

    /** Where the record was before it was dead-lettered; unknown (no headers) counts as a record of its own. */
    private static String original(ConsumerRecord<byte[], byte[]> record) {
        Header partition = record.headers().lastHeader(ORIGINAL_PARTITION);
        Header offset = record.headers().lastHeader(ORIGINAL_OFFSET);
        if (partition == null || offset == null) {
            return record.topic() + "-" + record.partition() + "@" + record.offset();
        }
        return ByteBuffer.wrap(partition.value()).getInt() + "@" + ByteBuffer.wrap(offset.value()).getLong();
    }

    private static ProducerRecord<byte[], byte[]> copy(ConsumerRecord<byte[], byte[]> record, String deadLetterTopic) {
        Header original = record.headers().lastHeader(ORIGINAL_TOPIC);
        String topic = original != null ? new String(original.value(), StandardCharsets.UTF_8)
                : deadLetterTopic.substring(0, deadLetterTopic.length() - ".dlt".length());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        return new ProducerRecord<>(topic, null, record.key(), record.value(), headers);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dry-run")) {
                options.put(args[i], "");
            } else if (i + 1 < args.length) {
                options.put(args[i], args[++i]);
            }
        }
        return options;
    }
}
