package io.shareflow.support.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.shareflow.embedded.PostgresServer;
import io.shareflow.embedded.SharedInfrastructure;
import io.shareflow.support.Causes;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The pool as Boot binds it, on a real PostgreSQL: a connection whose answer does not come within the socket timeout
 * fails with an I/O error, and the pool hands out a working one next. A statement kept waiting on the server stands in
 * for a database that went silent ({@code pg_sleep}: the driver cannot tell the two apart, which is the point).
 */
class DatabaseSocketTimeoutIT {

    private static final PostgresServer POSTGRES = SharedInfrastructure.postgres();

    @Test
    void aConnectionThatGetsNoAnswerFailsWithinTheSocketTimeoutAndThePoolRecovers() throws SQLException {
        try (HikariDataSource pool = pool("2", POSTGRES.jdbcUrl("postgres"))) {

            long started = System.nanoTime();
            assertThatThrownBy(() -> {
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("select pg_sleep(30)");
                }
            }).isInstanceOfSatisfying(SQLException.class, failure -> {
                assertThat(failure.getSQLState()).as("connection failure: the database is away").isEqualTo("08006");
                assertThat(Causes.chain(failure)).anyMatch(SocketTimeoutException.class::isInstance);
            });
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(seconds).as("seconds until the statement failed").isBetween(1.5, 10.0);

            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                assertThat(statement.execute("select 1")).as("a fresh connection from the pool").isTrue();
            }
        }
    }

    /** The way out for a long migration: {@code socketTimeout} in the URL wins over the pool's driver property. */
    @Test
    void theUrlsSocketTimeoutWins() throws SQLException {
        try (HikariDataSource pool = pool("1", POSTGRES.jdbcUrl("postgres") + "?socketTimeout=0");
             Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.execute("select pg_sleep(2.5)")).as("a statement longer than the property's 1 s")
                    .isTrue();
        }
    }

    /** The pool as a service gets it, its socket timeout lowered (as a service's application.yml could) to seconds. */
    private static HikariDataSource pool(String socketTimeoutSeconds, String url) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", Map.of(
                "spring.datasource.hikari.data-source-properties.socketTimeout", socketTimeoutSeconds)));
        new DatabasePoolDefaults().postProcessEnvironment(environment, new SpringApplication());
        HikariDataSource pool = new HikariDataSource();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        pool.setJdbcUrl(url);
        pool.setUsername(PostgresServer.USER);
        pool.setMaximumPoolSize(1);
        return pool;
    }
}
