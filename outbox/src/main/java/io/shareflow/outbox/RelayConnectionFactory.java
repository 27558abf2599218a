package io.shareflow.outbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * Opens the relay's own database connection. It must not come from the pool: the connection
 * holds the session advisory lock that makes this instance the one relay, and it LISTENs for
 * commit notifications, so it lives as long as the leadership.
 */
@FunctionalInterface
public interface RelayConnectionFactory {

    Connection open() throws SQLException;

    static RelayConnectionFactory of(String jdbcUrl, String username, String password) {
        return of(jdbcUrl, username, password, Map.of());
    }

    /**
     * @param driverProperties handed to the driver with the credentials, as the service's pool hands its
     *                         {@code data-source-properties} (e.g. pgjdbc's {@code socketTimeout}); the URL's own
     *                         parameters win over them
     */
    static RelayConnectionFactory of(String jdbcUrl, String username, String password,
                                     Map<String, String> driverProperties) {
        Properties properties = new Properties();
        properties.putAll(driverProperties);
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return () -> DriverManager.getConnection(jdbcUrl, properties);
    }
}
