package io.shareflow.embedded;

/**
 * One Kafka broker and one PostgreSQL server per JVM, started on first use and stopped when the
 * JVM exits. Integration tests share them so a test class pays for start-up once; each test
 * class should use its own database ({@link PostgresServer#createDatabase}) and its own topics.
 */
public final class SharedInfrastructure {

    private static KraftBroker kafka;
    private static PostgresServer postgres;

    private SharedInfrastructure() {
    }

    public static synchronized KraftBroker kafka() {
        if (kafka == null) {
            kafka = KraftBroker.onFreePort().start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "kafka-shutdown"));
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.onFreePort().start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop, "postgres-shutdown"));
        }
        return postgres;
    }
}
