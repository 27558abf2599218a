package io.shareflow.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Opens the relay's own database connection. It must not come from the pool: the connection
 * holds the session advisory lock that makes this instance the one relay, and it LISTENs for
 * commit notifications, so it lives as long as the leadership.
 */
@FunctionalInterface
public interface RelayConnectionFactory {

    Connection open() throws SQLException;

    static RelayConnectionFactory of(String jdbcUrl, String username, String password) {
        return () -> DriverManager.getConnection(jdbcUrl, username, password);
    }
}
