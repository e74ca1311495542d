package io.opsbridge.backend.models.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/** Every unit of work is one transaction, rolled back on any failure; unique-key conflicts may be retried. */
final class Transactions {

    /**
     * SQLSTATEs worth another attempt: a unique key won by a concurrent writer (H2 and PostgreSQL),
     * a lock wait that timed out (H2), a serialization failure or deadlock (PostgreSQL).
     */
    private static final Set<String> RETRYABLE = Set.of("23505", "HYT00", "40001", "40P01");

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> T inTransaction(Work<T> work) {
        try {
            return attempt(work);
        } catch (SQLException e) {
            throw new RegistryStoreException(e);
        }
    }

    /** Runs {@code work} again when it lost to a concurrent writer, up to {@code attempts} times. */
    <T> T retryingOnConflict(int attempts, Work<T> work) {
        for (int i = 1; ; i++) {
            try {
                return attempt(work);
            } catch (SQLException e) {
                if (i >= attempts || !RETRYABLE.contains(e.getSQLState())) {
                    throw new RegistryStoreException(e);
                }
                backOff(i);
            }
        }
    }

    /** A short random pause, so that writers that collided do not collide again in lockstep. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a registry write", e);
        }
    }

    private <T> T attempt(Work<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
