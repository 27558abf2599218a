package io.shareflow.localstack;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.shareflow.embedded.KraftBroker;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.embedded.mail.MailCatcher;
import io.shareflow.schemas.SealedFields;
import io.shareflow.support.security.JwtTokens;

/**
 * The whole system on embedded infrastructure: a KRaft Kafka broker, PostgreSQL 17 (one database
 * per service), a capturing SMTP server with a web page and JSON API, and the three services as
 * child processes configured only by environment variables. Seeds demo data and prints tokens.
 *
 * <p>Run {@code java -jar local-stack/target/local-stack.jar}; Ctrl-C stops everything.
 */
public final class LocalStack implements AutoCloseable {

    // Three Spring Boot services starting at once on 2 cores take 1-2.5 minutes when the machine is busy (measured).
    private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(5);

    private final LocalStackSettings settings;
    private PostgresServer postgres;
    private KraftBroker kafka;
    private MailCatcher mail;
    private DevSignIn signIn;
    private final List<ServiceProcess> services = new ArrayList<>();
    private volatile DemoData demo;

    public LocalStack(LocalStackSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        LocalStackSettings settings;
        try {
            settings = LocalStackSettings.fromEnvironment();
        } catch (RuntimeException e) {
            System.err.println("local-stack cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping shareflow local-stack ...");
            stack.close();
            System.out.println("Stopped.");
        }, "local-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("local-stack failed to start: " + e.getMessage());
            System.exit(1);
        }
        System.out.print(stack.banner((System.nanoTime() - started) / 1e9));
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts infrastructure, then the services (in parallel), then seeds the demo data. */
    public LocalStack start() {
        // Stopped by close(), after the services: see PostgresServer.stopOnlyWhenClosed.
        postgres = new PostgresServer(settings.postgresPort(), settings.dataDir().resolve("postgres"))
                .stopOnlyWhenClosed().start();
        for (String db : List.of("share_api", "user_provisioner", "share_notifier")) {
            postgres.createDatabase(db);
        }
        kafka = new KraftBroker(settings.kafkaPort(), settings.dataDir().resolve("kafka"), false).start();
        mail = new MailCatcher(settings.smtpPort(), settings.mailHttpPort()).start();
        // Up before share-api, whose pages link to it; it lists the demo users once they are seeded, and the
        // recipients who registered (asked of user-provisioner at each look; their password checked by it).
        RegisteredRecipients registered = new RegisteredRecipients(settings.provisionerUrl(), () -> demo,
                settings.jwtTokens());
        signIn = new DevSignIn(settings.signInPort(), settings.shareApiUrl(), settings.jwtTokens(),
                registered::accounts, registered).start();

        services.add(new ServiceProcess("user-provisioner", settings.provisionerPort(), settings.home(),
                settings.dataDir().resolve("logs"), serviceEnvironment("user_provisioner", settings.provisionerPort()), settings.jvmOptions()));
        services.add(new ServiceProcess("share-notifier", settings.notifierPort(), settings.home(),
                settings.dataDir().resolve("logs"), serviceEnvironment("share_notifier", settings.notifierPort()), settings.jvmOptions()));
        services.add(new ServiceProcess("share-api", settings.shareApiPort(), settings.home(),
                settings.dataDir().resolve("logs"), serviceEnvironment("share_api", settings.shareApiPort()), settings.jvmOptions()));
        services.forEach(ServiceProcess::start);
        services.forEach(s -> s.awaitHealthy(SERVICE_START_TIMEOUT));

        demo = DemoData.seedOrLoad(settings);
        awaitDirectoryReplica(Duration.ofSeconds(60));
        return this;
    }

    private Map<String, String> serviceEnvironment(String database, int port) {
        return serviceEnvironment(settings, database, port, postgres.jdbcUrl(database), kafka.bootstrapServers());
    }

    /**
     * The environment of one service instance on {@code port}: its database, the broker, the SMTP server, the secrets
     * and keys of {@code settings}, then {@code settings.extraEnv()}. The drill harness starts its instances with it.
     *
     * @param database {@code share_api}, {@code user_provisioner} or {@code share_notifier}
     */
    public static Map<String, String> serviceEnvironment(LocalStackSettings settings, String database, int port,
                                                         String jdbcUrl, String bootstrapServers) {
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", PostgresServer.USER);
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("SPRING_MAIL_HOST", "localhost");
        env.put("SPRING_MAIL_PORT", String.valueOf(settings.smtpPort()));
        if (database.equals("user_provisioner")) {
            // The e-mailed registration link opens the page of this user-provisioner; its success page links to
            // the dev sign-in.
            env.put("SHAREFLOW_REGISTRATION_BASE_URL", settings.provisionerUrl());
            env.put("SHAREFLOW_REGISTRATION_SIGN_IN_URL", settings.signInUrl());
        }
        if (database.equals("share_api")) {
            env.put("SHAREFLOW_LINKS_BASE_URL", settings.shareApiUrl());
            env.put("SHAREFLOW_LINKS_SIGN_IN_URL", settings.signInUrl());
        }
        env.put("SHAREFLOW_SECURITY_JWT_HMAC_SECRET", settings.jwtSecret());
        env.put("SHAREFLOW_SECURITY_JWT_ISSUER", LocalStackSettings.JWT_ISSUER);
        env.put("SHAREFLOW_SECURITY_JWT_AUDIENCE", LocalStackSettings.JWT_AUDIENCE);
        // share-api seals the share link in its events and at rest, user-provisioner the registration link in its
        // events, each with a key list of its own, and the notifier holds both to open them for the e-mails
        // (DESIGN.md "Sealed fields": only a credential's producer and the notifier hold its key).
        env.put(SealedFields.KEY_VARIABLE, switch (database) {
            case "user_provisioner" -> settings.registrationSealKey();
            case "share_notifier" -> settings.notifierSealKey();
            default -> settings.sealKey();
        });
        env.putAll(settings.extraEnv());
        return env;
    }

    /**
     * share-api checks recipients against its replica of the user directory; the demo's
     * "other organisation" example only works once the seeded users have reached it.
     */
    private void awaitDirectoryReplica(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = postgres.dataSource("share_api").getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from directory_user")) {
                rs.next();
                if (rs.getLong(1) >= 4) {
                    return;
                }
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                throw new IllegalStateException("Could not read share-api's user directory: " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("share-api's user directory did not receive the demo users in " + timeout);
    }

    /**
     * One of the running services, to kill and start again or to measure.
     *
     * @param name {@code share-api}, {@code user-provisioner} or {@code share-notifier}
     */
    public ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name + " in this stack"));
    }

    public LocalStackSettings settings() {
        return settings;
    }

    public DemoData demo() {
        return demo;
    }

    public MailCatcher mail() {
        return mail;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KraftBroker kafka() {
        return kafka;
    }

    /**
     * Stops the services first, all at once (each drains its outbox and listeners while Kafka and
     * PostgreSQL are still up), then mail, Kafka and PostgreSQL.
     */
    @Override
    public synchronized void close() {
        services.forEach(ServiceProcess::requestStop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        services.forEach(service -> service.awaitStopped(deadline));
        services.clear();
        if (signIn != null) {
            signIn.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    /**
     * What {@code main} prints once everything is up: addresses, the JWT secret, bearer tokens and a curl
     * example. Never the seal key: only where it comes from and its key id.
     */
    String banner(double seconds) {
        String secret = settings.jwtSecret();
        JwtTokens tokens = settings.jwtTokens();
        String alice = demo.aliceToken(tokens);
        String sealKey = settings.sealKeyFile() == null
                ? "from SHAREFLOW_EVENTS_SEAL_KEY (current key id " + settings.currentSealKeyId() + ")"
                : "key id " + settings.currentSealKeyId() + ", generated and kept in " + settings.sealKeyFile()
                        + "   (set SHAREFLOW_EVENTS_SEAL_KEY to use your own)";
        return String.format(Locale.ROOT, """

                shareflow local-stack is up (ready in %.1f s)
                  share-api         %s
                  user-provisioner  %s
                  share-notifier    %s
                  captured mail     %s   (JSON: %s/api/messages)
                  dev sign-in       %s   (the platform's sign-in, played by local-stack)
                  Kafka             %s
                  PostgreSQL        localhost:%d  (databases share_api, user_provisioner, share_notifier; user postgres)
                  data directory    %s   (service logs in logs/)
                  JWT HMAC secret   %s%s
                  JWT iss / aud     %s / %s   (tokens must carry both)
                  events seal key   %s

                Bearer tokens (12 h):
                  admin (platform operator) %s
                  alice (producer-admin, Acme Aviation) %s
                  bob   (producer-user,  Acme Aviation) %s
                  carol (viewer,         Acme Aviation) %s

                Demo documents (Acme Aviation): folder "Fleet maintenance" %s,
                  file "A320 maintenance log.pdf" %s, file "Internal memo.docx" (internal) %s

                Share the maintenance log with a new colleague:
                  curl -s -X POST %s/v1/shares/%s \\
                    -H 'Authorization: Bearer %s' \\
                    -H 'Content-Type: application/json' \\
                    -d '{"recipientEmail": "new.colleague@example.com", "message": "Here is the A320 log."}'
                Then open %s for the e-mail (its link opens the recipient's page), and
                GET %s/v1/shares/<shareId> with the same token.

                Share it by link, for anyone who has the link, for 24 hours:
                  curl -s -X POST %s/v1/shares/%s/links \\
                    -H 'Authorization: Bearer %s' \\
                    -H 'Content-Type: application/json' \\
                    -d '{"audience": "anyone", "durationHours": 24}'
                The "url" it returns opens in a browser: the page a recipient sees. With "audience": "organization"
                the page asks to sign in first: local-stack plays the platform's sign-in at %s
                (pick a demo user; it sets the shareflow_session cookie and takes you back).

                For the README's walkthrough, paste into your shell:
                  export ADMIN='%s' ALICE='%s' CAROL='%s' FOLDER=%s LOG=%s MEMO=%s
                Ctrl-C stops everything.
                """,
                seconds, settings.shareApiUrl(), settings.provisionerUrl(), settings.notifierUrl(), settings.mailUrl(),
                settings.mailUrl(), settings.signInUrl(), kafka.bootstrapServers(), settings.postgresPort(), settings.dataDir(), secret,
                settings.generatedSecret() ? "   (generated; set SHAREFLOW_SECURITY_JWT_HMAC_SECRET to fix it)" : "",
                tokens.issuer(), tokens.audience(), sealKey,
                demo.adminToken(tokens), alice, demo.bobToken(tokens), demo.carolToken(tokens),
                demo.folderId(), demo.maintenanceLogId(), demo.internalMemoId(),
                settings.shareApiUrl(), demo.maintenanceLogId(), alice, settings.mailUrl(), settings.shareApiUrl(),
                settings.shareApiUrl(), demo.maintenanceLogId(), alice, settings.signInUrl(),
                demo.adminToken(tokens), alice, demo.carolToken(tokens), demo.folderId(), demo.maintenanceLogId(),
                demo.internalMemoId());
    }
}
