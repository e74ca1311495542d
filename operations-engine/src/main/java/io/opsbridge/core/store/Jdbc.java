package io.opsbridge.core.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Plain JDBC with one habit: every unit of work is one transaction, rolled back on any failure.
 * Shared by the operation store and the backend's model registry; each says which exception a
 * database failure becomes.
 *
 * <pre>{@code
 * Jdbc jdbc = new Jdbc(dataSource, MyStoreException::new);
 * Row saved = jdbc.retryingOnConflict(20, connection -> insertNext(connection, row));
 * }</pre>
 */
public final class Jdbc {

    /**
     * SQLSTATEs worth another attempt: a unique key won by a concurrent writer (H2 and PostgreSQL),
     * a lock wait that timed out (H2), a serialization failure or deadlock (PostgreSQL).
     */
    private static final Set<String> RETRYABLE = Set.of("23505", "HYT00", "40001", "40P01");

    /** A piece of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;
    private final Function<SQLException, ? extends RuntimeException> failure;

    /** Database failures surface as {@link StoreException}. */
    public Jdbc(DataSource dataSource) {
        this(dataSource, StoreException::new);
    }

    /** Database failures surface as what {@code failure} makes of the {@link SQLException}. */
    public Jdbc(DataSource dataSource, Function<SQLException, ? extends RuntimeException> failure) {
        this.dataSource = dataSource;
        this.failure = failure;
    }

    public <T> T inTransaction(Work<T> work) {
        try {
            return attempt(work);
        } catch (SQLException e) {
            throw failure.apply(e);
        }
    }

    /** Runs {@code work} again when it lost to a concurrent writer, up to {@code attempts} times. */
    public <T> T retryingOnConflict(int attempts, Work<T> work) {
        for (int i = 1; ; i++) {
            try {
                return attempt(work);
            } catch (SQLException e) {
                if (i >= attempts || !RETRYABLE.contains(e.getSQLState())) {
                    throw failure.apply(e);
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
            throw new IllegalStateException("interrupted while retrying a database write", e);
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
