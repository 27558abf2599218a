package io.shareflow.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker + controller), run in
 * this JVM on fixed ports and a log directory of the caller's choice.
 *
 * <p>Unlike spring-kafka-test's {@code EmbeddedKafkaKraftBroker}, it can be stopped and started
 * again on the same port with the same data, which is what restart tests and {@code local-stack}
 * ({@code SHAREFLOW_DATA_DIR}) need. It uses only Kafka's own server classes.
 *
 * <p>Not thread-safe: start and stop it from one thread.
 */
public final class KraftBroker implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final boolean autoCreateTopics;
    /** A directory made by {@link #onFreePort()} is this broker's to delete on {@link #close()}. */
    private boolean ownsLogDir;
    private KafkaRaftServer server;

    /**
     * @param port             the client (PLAINTEXT) port, e.g. 9092
     * @param logDir           where the log and metadata live; formatted on first start, reused after
     * @param autoCreateTopics whether the broker creates a topic on first use; shareflow's services
     *                         create their topics themselves, so production-like runs say {@code false}
     */
    public KraftBroker(int port, Path logDir, boolean autoCreateTopics) {
        this.port = port;
        this.controllerPort = FreePorts.find();
        this.logDir = logDir;
        this.autoCreateTopics = autoCreateTopics;
    }

    /** A broker on free ports with a fresh temporary log directory, deleted on {@link #close()}. */
    public static KraftBroker onFreePort() {
        KraftBroker broker = new KraftBroker(FreePorts.find(), TemporaryDirectory.create("shareflow-kafka"), false);
        broker.ownsLogDir = true;
        return broker;
    }

    /** Formats the log directory if needed and starts the broker; returns once it accepts clients. */
    public synchronized KraftBroker start() {
        if (server != null) {
            return this;
        }
        KafkaConfig config = new KafkaConfig(properties(), false);
        formatIfNew();
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return this;
    }

    /** Stops the broker and waits until its ports are closed. Data stays in the log directory. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public boolean isRunning() {
        return server != null;
    }

    /** {@code localhost:port}, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /**
     * Creates the topics (those that exist already are left as they are) and returns once this
     * broker leads every partition and holds its log. {@code createTopics} alone returns when the
     * controller has recorded a topic, before the broker has taken it over: a producer that sends at
     * once is told NOT_LEADER_OR_FOLLOWER, and an idempotent one can then stall on out-of-order
     * sequence errors until its records expire (seen in the benchmark).
     */
    public void createTopics(int partitions, String... names) {
        createTopics(bootstrapServers(), partitions, names);
    }

    /** {@link #createTopics(int, String...)} on the single-node broker (node id 1) at {@code bootstrapServers}. */
    public static void createTopics(String bootstrapServers, int partitions, String... names) {
        Set<TopicPartition> wanted = new HashSet<>();
        for (String name : names) {
            for (int p = 0; p < partitions; p++) {
                wanted.add(new TopicPartition(name, p));
            }
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<NewTopic> topics = Arrays.stream(names).map(n -> new NewTopic(n, partitions, (short) 1)).toList();
            for (KafkaFuture<Void> created : admin.createTopics(topics).values().values()) {
                try {
                    created.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!hostsLogs(admin, wanted)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("broker did not take over " + wanted + " within 30 s");
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + Arrays.toString(names), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create " + Arrays.toString(names), e.getCause());
        }
    }

    /** The replica manager creates a partition's log when it becomes its leader. */
    private static boolean hostsLogs(Admin admin, Set<TopicPartition> wanted) throws InterruptedException, ExecutionException {
        Set<TopicPartition> hosted = new HashSet<>();
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(List.of(1)).allDescriptions().get().values()) {
            dirs.values().forEach(dir -> hosted.addAll(dir.replicaInfos().keySet()));
        }
        return hosted.containsAll(wanted);
    }

    /** Stops the broker; a temporary log directory of {@link #onFreePort()} is deleted too. */
    @Override
    public void close() {
        stop();
        if (ownsLogDir) {
            TemporaryDirectory.delete(logDir);
        }
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", String.valueOf(autoCreateTopics));
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // A single-node cluster has nobody to wait for; the default 3 s only slows every test down.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        return p;
    }

    private void formatIfNew() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setIgnoreFormatted(true)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directory " + logDir, e);
        }
    }
}
