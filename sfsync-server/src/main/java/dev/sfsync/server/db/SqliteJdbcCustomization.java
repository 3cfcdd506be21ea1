package dev.sfsync.server.db;

import com.github.kagkarlsson.scheduler.jdbc.DefaultJdbcCustomization;

/** db-scheduler on SQLite: its generic SQL but SQLite's LIMIT (SQLite has no {@code FETCH FIRST n ROWS ONLY}). */
final class SqliteJdbcCustomization extends DefaultJdbcCustomization {
    SqliteJdbcCustomization() {
        super(true);
    }

    @Override
    public String getQueryLimitPart(int limit) {
        return " LIMIT " + limit;
    }

    @Override
    public String getName() {
        return "SQLite";
    }
}
