package dev.sfsync.store.internal;

import dev.sfsync.store.StoreFailed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The state store's one JDBC connection (SQLite or Postgres), shared by the repositories. Calls are serialized:
 * the store writes small rows, and one connection keeps SQLite free of lock contention. A connection that failed
 * (a Postgres restart) is reopened on the next call.
 */
public final class Database implements AutoCloseable {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SQLException;
    }

    private final String url;
    private final Properties properties;
    private final String description;
    private final ReentrantLock lock = new ReentrantLock();
    private Connection connection;
    /** Whether the lock's holder is inside {@link #inTransaction} (read and written only with the lock held). */
    private boolean inTransaction;

    public Database(String url, Properties properties, String description) {
        this.url = url;
        this.properties = properties;
        this.description = description;
    }

    public String description() {
        return description;
    }

    public int update(String sql, Object... parameters) {
        return locked("write", () -> {
            try (PreparedStatement statement = connection().prepareStatement(sql)) {
                bind(statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs one statement for each parameter list, in one transaction. */
    public void batch(String sql, List<Object[]> rows) {
        inTransaction(() -> {
            try (PreparedStatement statement = connection().prepareStatement(sql)) {
                for (Object[] row : rows) {
                    bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return locked("read", () -> {
            try (PreparedStatement statement = connection().prepareStatement(sql)) {
                bind(statement, parameters);
                List<T> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.add(mapper.map(rs));
                    }
                }
                return rows;
            }
        });
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** Runs the work in one transaction; work already inside one (on this thread) joins it, committed with it. */
    public <T> T inTransaction(Work<T> work) {
        return locked("write", () -> {
            if (inTransaction) {
                return work.run();
            }
            Connection c = connection();
            c.setAutoCommit(false);
            inTransaction = true;
            T result;
            try {
                result = work.run();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                inTransaction = false;
                // SQLite may have rolled back already (SQLITE_FULL does): the rollback and the return to auto-commit
                // may then fail too, and must not hide the first error, which says what happened (disk full).
                try {
                    c.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                try {
                    c.setAutoCommit(true);
                } catch (SQLException restore) {
                    e.addSuppressed(restore);
                }
                throw e;
            }
            inTransaction = false;
            c.setAutoCommit(true);
            return result;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (connection != null) {
                connection.close();
                connection = null;
            }
        } catch (SQLException e) {
            throw new StoreFailed("close " + description, e);
        } finally {
            lock.unlock();
        }
    }

    private <T> T locked(String action, Work<T> work) {
        lock.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            forgetIfBroken(e);
            throw new StoreFailed(action + " " + description, e);
        } finally {
            lock.unlock();
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            connection = StoreConnections.open(url, properties);
        }
        return connection;
    }

    /** SQL state class 08 is a connection failure: drop the connection so that the next call opens a new one. */
    private void forgetIfBroken(SQLException e) {
        if (connection != null && e.getSQLState() != null && e.getSQLState().startsWith("08")) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // It is broken already; a new one replaces it.
            }
            connection = null;
        }
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
    }
}
