package io.shareflow.bench.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import io.shareflow.embedded.PostgresServer;
import io.shareflow.embedded.SharedInfrastructure;
import org.junit.jupiter.api.Test;

class StatementProfileIT {

    @Test
    void countsWhatRanSinceTheResetPerShareAndForgetsWhatRanBefore() throws Exception {
        PostgresServer postgres = SharedInfrastructure.postgres();
        postgres.createDatabase("statement_profile");
        DataSource db = postgres.dataSource("statement_profile");
        StatementProfile profile = new StatementProfile(db);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create table if not exists profiled (n int)");
            s.execute("insert into profiled values (0)");
            profile.reset();
            for (int i = 0; i < 40; i++) {
                s.execute("insert into profiled values (" + i + ")");
            }
        }

        assertThat(profile.top(5, 20)).filteredOn(r -> r.query().startsWith("insert into profiled"))
                .singleElement().satisfies(r -> {
                    assertThat(r.database()).isEqualTo("statement_profile");
                    assertThat(r.callsPerShare()).isEqualTo(2.0);
                    assertThat(r.totalMillis()).isPositive();
                });
        assertThat(StatementProfile.format(profile.top(5, 20))).contains("insert into profiled values ($1)");
    }
}
