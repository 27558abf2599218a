package io.shareflow.bench.e2e;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The database work of accepting one share, done on a connection whose transaction the caller owns: the baselines
 * (raw JDBC at a concurrency, the synchronous design's request) run share-api's own transaction through it without
 * HTTP or Spring.
 */
@FunctionalInterface
public interface ShareWrite {

    /**
     * @param connection a connection in a transaction the caller commits
     * @param sequence   a number unique in this run, from which the write makes its ids and recipient address
     */
    void write(Connection connection, long sequence) throws SQLException;
}
