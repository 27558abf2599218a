package io.shareflow.drills;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka's own tooling as an operator runs it: {@code kafka-consumer-groups} (the kafka-tools jar's
 * {@code ConsumerGroupCommand}, in a process of its own, exactly as the script would run it), and consumer lag read
 * with the admin client.
 */
public final class KafkaTools {

    private static final String CONSUMER_GROUP_COMMAND = "org.apache.kafka.tools.consumer.group.ConsumerGroupCommand";

    private KafkaTools() {
    }

    /** Runs {@code kafka-consumer-groups --bootstrap-server <servers> <arguments>}; @return its output */
    public static String consumerGroups(String bootstrapServers, String... arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CONSUMER_GROUP_COMMAND,
                "--bootstrap-server", bootstrapServers));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("kafka-consumer-groups " + String.join(" ", arguments) + " failed:\n"
                        + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Could not run kafka-consumer-groups", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every consumer group's lag, summed over its partitions (end offset minus committed offset). */
    public static Map<String, Long> lagPerGroup(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<String, Long> lag = new HashMap<>();
            Collection<ConsumerGroupListing> groups = admin.listConsumerGroups().all().get();
            for (ConsumerGroupListing group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                long sum = 0;
                for (var entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        sum += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                    }
                }
                lag.put(group.groupId(), sum);
            }
            return lag;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not read consumer lag: " + e.getCause(), e.getCause());
        }
    }
}
