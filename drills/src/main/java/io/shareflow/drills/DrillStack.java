package io.shareflow.drills;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.shareflow.embedded.FreePorts;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.localstack.DemoData;
import io.shareflow.localstack.LocalStack;
import io.shareflow.localstack.LocalStackSettings;
import io.shareflow.localstack.ServiceProcess;

/**
 * The whole system with every part a separate OS process the drills can stop, {@code kill -9} and restart on the same
 * ports and data: PostgreSQL (the embedded binaries' postmaster, one data directory), the Kafka broker
 * ({@link BrokerMain}), the SMTP server ({@link MailMain}), and two instances of each service ({@code java -jar}) on
 * ports of their own, against the same databases and broker.
 */
public final class DrillStack implements AutoCloseable {

    /** The services and their databases. */
    public static final Map<String, String> DATABASES = Map.of("share-api", "share_api",
            "user-provisioner", "user_provisioner", "share-notifier", "share_notifier");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final LocalStackSettings settings;
    private final PostgresServer postgres;
    private final ChildJvm broker;
    private final ChildJvm mailServer;
    private final Mailbox mailbox;
    private final Map<String, List<ServiceProcess>> instances = new HashMap<>();
    private DemoData demo;

    /** @param extraEnv added to every service instance (the drills compress retry windows with it) */
    public DrillStack(Map<String, String> extraEnv) {
        this.settings = LocalStackSettings.onFreePorts(extraEnv);
        Path data = settings.dataDir();
        this.postgres = new PostgresServer(settings.postgresPort(), data.resolve("postgres")).stopOnlyWhenClosed();
        this.broker = new ChildJvm("kafka", BrokerMain.class,
                List.of(String.valueOf(settings.kafkaPort()), data.resolve("kafka").toString()), logs());
        this.mailServer = new ChildJvm("mail", MailMain.class,
                List.of(String.valueOf(settings.smtpPort()), String.valueOf(settings.mailHttpPort()),
                        capturedMail().toString()), logs());
        this.mailbox = new Mailbox(settings.mailHttpPort());
    }

    /** Starts everything, the six service instances at once, and seeds the demo organisation and documents. */
    public DrillStack start() {
        postgres.start();
        DATABASES.values().forEach(postgres::createDatabase);
        startBroker();
        startMail();
        addInstances("share-api", settings.shareApiPort());
        addInstances("user-provisioner", settings.provisionerPort());
        addInstances("share-notifier", settings.notifierPort());
        List<ServiceProcess> all = instances.values().stream().flatMap(List::stream).toList();
        all.forEach(ServiceProcess::start);
        all.forEach(instance -> instance.awaitHealthy(START_TIMEOUT));
        demo = DemoData.seedOrLoad(settings);
        Waits.until("share-api's directory replica holds the demo users", Duration.ofSeconds(60),
                () -> count("share_api", "select count(*) from directory_user") >= 4);
        return this;
    }

    private void addInstances(String service, int firstPort) {
        List<ServiceProcess> list = new ArrayList<>();
        for (int port : new int[] {firstPort, FreePorts.find()}) {
            String database = DATABASES.get(service);
            Map<String, String> env = LocalStack.serviceEnvironment(settings, database, port, postgres.jdbcUrl(database),
                    bootstrapServers());
            list.add(new ServiceProcess(service, service + "-" + (list.size() + 1), port, settings.home(), logs(), env,
                    settings.jvmOptions()));
        }
        instances.put(service, list);
    }

    public void startBroker() {
        broker.start();
        Waits.until("the broker listens", START_TIMEOUT, () -> {
            broker.checkAlive();
            return listens(settings.kafkaPort());
        });
    }

    public void killBroker() {
        broker.kill();
    }

    /** SIGTERM: the server stops taking mail, writes what it captured, and the mailbox keeps that. */
    public void stopMail() {
        mailServer.stop();
        mailbox.keepFrom(capturedMail());
    }

    private Path capturedMail() {
        return settings.dataDir().resolve("mail-captured.json");
    }

    public void startMail() {
        mailServer.start();
        Waits.until("the SMTP server answers", Duration.ofMinutes(2), () -> {
            mailServer.checkAlive();
            return mailbox.answers() && listens(settings.smtpPort());
        });
        mailbox.serverStarted();
    }

    public void restartPostgres() {
        postgres.stop();
        postgres.start();
    }

    public void stopPostgres() {
        postgres.stop();
    }

    public void startPostgres() {
        postgres.start();
    }

    /** @param service e.g. {@code share-api}; @return its two instances */
    public List<ServiceProcess> instances(String service) {
        return instances.get(service);
    }

    public List<ServiceProcess> allInstances() {
        return instances.values().stream().flatMap(List::stream).toList();
    }

    /** share-api's instances' base URLs, for the client's round-robin. */
    public List<String> shareApiUrls() {
        return instances.get("share-api").stream().map(i -> "http://localhost:" + i.port()).toList();
    }

    public String bootstrapServers() {
        return "localhost:" + settings.kafkaPort();
    }

    public DataSource database(String name) {
        return postgres.dataSource(name);
    }

    public Mailbox mailbox() {
        return mailbox;
    }

    public DemoData demo() {
        return demo;
    }

    public LocalStackSettings settings() {
        return settings;
    }

    public Path logs() {
        return settings.dataDir().resolve("logs");
    }

    long count(String database, String sql) {
        try (Connection c = database(database).getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException("Could not run " + sql + " in " + database + ": " + e.getMessage(), e);
        }
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** Services first (each drains what it can while the rest is up), then mail, the broker and PostgreSQL. */
    @Override
    public void close() {
        List<ServiceProcess> all = allInstances();
        all.forEach(ServiceProcess::requestStop);
        all.forEach(ServiceProcess::kill); // what did not stop at once (a drill's stack holds nothing to drain)
        mailServer.stop();
        broker.stop();
        postgres.close();
    }
}
