package dev.sfsync.server.db;

import dev.sfsync.store.StoreFailed;
import org.flywaydb.core.Flyway;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server's tables (schedules, users, tokens, sessions, alert incidents) in the state store's own database, so
 * that every server process sharing a Postgres store shares them too. A connection per call from the data source:
 * db-scheduler needs a {@link DataSource}, and the server's calls are few.
 */
public final class ServerDatabase implements AutoCloseable {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final DataSource dataSource;
    private final String description;
    private final boolean postgres;

    private ServerDatabase(DataSource dataSource, String description, boolean postgres) {
        this.dataSource = dataSource;
        this.description = description;
        this.postgres = postgres;
    }

    /** The scheduler's threads, the API's and the UI's requests share it; a team's nodes each have their own. */
    private static final int POOL_SIZE = 12;

    /** The embedded store's SQLite file in a project's state directory. */
    public static ServerDatabase embedded(Path stateDirectory) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(10_000);
        SQLiteDataSource source = new SQLiteDataSource(config);
        Path file = stateDirectory.resolve(dev.sfsync.store.StateStore.FILE_NAME).toAbsolutePath();
        source.setUrl("jdbc:sqlite:" + file);
        return migrated(new ServerDatabase(source, "state file " + file, false));
    }

    /**
     * A Postgres state store, shared by a team's server processes, through a small pool: without one every statement
     * of the scheduler, the API and the UI opened a new Postgres backend (a process each), which cost Postgres more
     * CPU than the scheduler's own work when 500 syncs came due at once.
     */
    public static ServerDatabase postgres(String jdbcUrl, String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(jdbcUrl);
        if (user != null) {
            source.setUser(user);
        }
        if (password != null) {
            source.setPassword(password);
        }
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(source);
        pool.setPoolName("sfsync-server-db");
        pool.setMaximumPoolSize(POOL_SIZE);
        pool.setMinimumIdle(1);
        // An unreachable database is reported by the migration below with its fix, as before the pool, not by the pool's start.
        pool.setInitializationFailTimeout(-1);
        pool.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        return migrated(new ServerDatabase(new HikariDataSource(pool), "state database " + jdbcUrl, true));
    }

    private static ServerDatabase migrated(ServerDatabase db) {
        try {
            Flyway.configure().dataSource(db.dataSource).loggers("slf4j").locations("classpath:dev/sfsync/server/migration")
                    .table("sfsync_server_history").baselineOnMigrate(true).baselineVersion("0")
                    .placeholders(Map.of("blob", db.postgres ? "BYTEA" : "BLOB")).load().migrate();
        } catch (org.flywaydb.core.api.FlywayException e) {
            db.close();
            throw new ServerTablesUnusable(db.description, e);
        }
        return db;
    }

    /** Closes the Postgres pool's connections (nothing to close for the embedded file); the server closes it when it stops. */
    @Override
    public void close() {
        if (dataSource instanceof HikariDataSource pool) {
            pool.close();
        }
    }

    /** False once closed (always true for the embedded file, which holds no connection). */
    public boolean open() {
        return !(dataSource instanceof HikariDataSource pool) || !pool.isClosed();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** How db-scheduler speaks to this database. */
    public com.github.kagkarlsson.scheduler.jdbc.JdbcCustomization schedulerSql() {
        return postgres ? new com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization(dataSource, true) : new SqliteJdbcCustomization();
    }

    public boolean postgres() {
        return postgres;
    }

    public int update(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreFailed("write " + description, e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            bind(statement, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreFailed("read " + description, e);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... parameters) {
        List<T> rows = query(sql, mapper, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /** True when the database answers: what {@code /ready} reports. */
    public boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
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
