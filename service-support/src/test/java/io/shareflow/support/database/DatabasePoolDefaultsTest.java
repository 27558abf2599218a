package io.shareflow.support.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The pool's timeouts as Boot binds them onto Hikari ({@code spring.datasource.hikari.*}). */
class DatabasePoolDefaultsTest {

    @Test
    void thePoolGivesUpWithinTwoSecondsAndChecksAnIdleConnectionWithinOne() {
        HikariDataSource pool = bind(new StandardEnvironment());

        assertThat(pool.getConnectionTimeout()).isEqualTo(1500);
        assertThat(pool.getValidationTimeout()).isEqualTo(1000);
        assertThat(pool.getInitializationFailTimeout()).as("Hikari's: no start without the database").isEqualTo(1);
        assertThat(pool.getDataSourceProperties()).as("pgjdbc's, in seconds, the key as the driver spells it")
                .containsEntry("socketTimeout", "60");
    }

    @Test
    void aServicesOwnSettingWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service",
                Map.of("spring.datasource.hikari.connection-timeout", "5000")));

        HikariDataSource pool = bind(environment);

        assertThat(pool.getConnectionTimeout()).isEqualTo(5000);
        assertThat(pool.getValidationTimeout()).isEqualTo(1000);
    }

    @Test
    void addedOnce() {
        StandardEnvironment environment = new StandardEnvironment();
        new DatabasePoolDefaults().postProcessEnvironment(environment, new SpringApplication());
        new DatabasePoolDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().stream()
                .filter(source -> source.getName().equals(DatabasePoolDefaults.PROPERTY_SOURCE_NAME))).hasSize(1);
        assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
                .as("the last source: everything else wins").isEqualTo(DatabasePoolDefaults.PROPERTY_SOURCE_NAME);
    }

    private static HikariDataSource bind(StandardEnvironment environment) {
        new DatabasePoolDefaults().postProcessEnvironment(environment, new SpringApplication());
        HikariDataSource pool = new HikariDataSource();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(pool));
        return pool;
    }
}
