package io.shareflow.embedded;

/**
 * One Kafka broker and one PostgreSQL server per JVM, started on first use, and stopped and their
 * temporary directories deleted when the JVM exits. Integration tests share them so a test class
 * pays for start-up once; each test class should use its own database
 * ({@link PostgresServer#createDatabase}) and its own topics.
 */
public final class SharedInfrastructure {

    private static KraftBroker kafka;
    private static PostgresServer postgres;

    private SharedInfrastructure() {
    }

    public static synchronized KraftBroker kafka() {
        if (kafka == null) {
            kafka = KraftBroker.onFreePort().start();
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "kafka-shutdown"));
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.onFreePort().start();
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "postgres-shutdown"));
        }
        return postgres;
    }
}
