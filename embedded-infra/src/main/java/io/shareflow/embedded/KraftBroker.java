package io.shareflow.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
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
