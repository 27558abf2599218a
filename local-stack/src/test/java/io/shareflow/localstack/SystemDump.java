package io.shareflow.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.shareflow.embedded.PostgresServer;
import io.shareflow.testsupport.SecretScanner;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * What an attacker with a database dump and read access to the broker would have, fed to a {@link SecretScanner}:
 * every row of every table of every database (the embedded PostgreSQL bundle has no {@code pg_dump}, so a full
 * scan over JDBC: {@code select *}, every column as text, {@code bytea} both raw and as hex), and every record of
 * every topic the broker lists — internal ones and dead-letter topics included — from the beginning, raw bytes of
 * key, value and headers. Also the service logs, which are no part of a dump but are at rest too.
 */
final class SystemDump {

    private static final Duration TOPIC_READ_TIMEOUT = Duration.ofSeconds(60);

    private SystemDump() {
    }

    /**
     * Scans every database but the templates.
     *
     * @return database → its tables ({@code schema.table} → rows), for a test to check the dump was not empty
     */
    static Map<String, Map<String, Integer>> databases(PostgresServer postgres, SecretScanner scanner) throws SQLException {
        List<String> databases = new ArrayList<>();
        try (Connection c = postgres.adminDataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select datname from pg_database where not datistemplate order by datname")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        Map<String, Map<String, Integer>> scanned = new TreeMap<>();
        for (String database : databases) {
            scanned.put(database, database(postgres, database, scanner));
        }
        return scanned;
    }

    private static Map<String, Integer> database(PostgresServer postgres, String database, SecretScanner scanner)
            throws SQLException {
        Map<String, Integer> tables = new TreeMap<>();
        try (Connection c = postgres.dataSource(database).getConnection(); Statement s = c.createStatement()) {
            List<String[]> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_schema, table_name from information_schema.tables"
                    + " where table_schema not in ('pg_catalog', 'information_schema') order by 1, 2")) {
                while (rs.next()) {
                    names.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] name : names) {
                String table = name[0] + "." + name[1];
                int rows = 0;
                try (ResultSet rs = s.executeQuery("select * from " + quote(name[0]) + "." + quote(name[1]))) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        rows++;
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            String where = "database " + database + ", table " + table + ", row " + rows + ", column "
                                    + columns.getColumnName(i);
                            if ("bytea".equals(columns.getColumnTypeName(i))) {
                                byte[] value = rs.getBytes(i);
                                scanner.scan(where + " (bytea)", value);
                                scanner.scan(where + " (bytea as hex)",
                                        value == null ? null : HexFormat.of().formatHex(value));
                            } else {
                                scanner.scan(where, rs.getString(i));
                            }
                        }
                    }
                }
                tables.put(table, rows);
            }
        }
        return tables;
    }

    /** Scans every file in {@code directory} (local-stack's service logs), as bytes. */
    static void logs(Path directory, SecretScanner scanner) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.sorted().toList()) {
                scanner.scan("log " + file.getFileName(), Files.readAllBytes(file));
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * Scans every topic the broker lists, internal ones included, from offset 0 to the end offsets of the moment
     * it starts, uncommitted records included.
     *
     * @return topic → records read
     */
    static Map<String, Long> topics(String bootstrapServers, SecretScanner scanner) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        Map<String, Long> scanned = new TreeMap<>();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get(30, TimeUnit.SECONDS);
            for (TopicDescription topic : admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                scanned.put(topic.name(), 0L);
                topic.partitions().forEach(p -> partitions.add(new TopicPartition(topic.name(), p.partition())));
            }
        }
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "dump",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TOPIC_READ_TIMEOUT.toNanos();
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("Topics not read to their end offsets within " + TOPIC_READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String where = "topic " + record.topic() + ", partition " + record.partition() + ", offset "
                            + record.offset();
                    scanner.scan(where + ", key", record.key());
                    scanner.scan(where + ", value", record.value());
                    for (Header header : record.headers()) {
                        scanner.scan(where + ", header " + header.key() + " (name)",
                                header.key().getBytes(StandardCharsets.UTF_8));
                        scanner.scan(where + ", header " + header.key(), header.value());
                    }
                    scanned.merge(record.topic(), 1L, Long::sum);
                }
            }
        }
        return scanned;
    }
}
