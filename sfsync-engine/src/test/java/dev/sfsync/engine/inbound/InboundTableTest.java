package dev.sfsync.engine.inbound;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The staging table's life in DuckDB: versions read twice reduced in place, the swap into place, a delta's merge. */
class InboundTableTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 1, 9, 0);

    @TempDir
    Path dir;

    private final InboundColumns columns = new InboundColumns(List.of(InboundColumn.of("Id", ColumnType.TEXT, 18, 0),
            InboundColumn.of("LastName", ColumnType.TEXT, 80, 0), InboundColumn.of("SystemModstamp", ColumnType.TIMESTAMP, 0, 0),
            InboundColumn.of("IsDeleted", ColumnType.BOOLEAN, 0, 0)));
    private final InboundTable table = new InboundTable("contacts", columns);

    private Connection open() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("t.duckdb"));
        c.setAutoCommit(false);
        return c;
    }

    private void stage(Connection c, Object[]... rows) throws SQLException {
        table.createRaw(c);
        for (Object[] row : rows) {
            try (PreparedStatement insert = table.rawInsert(c, 1)) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.executeUpdate();
            }
        }
    }

    private static Object[] row(String id, String name, int minute) {
        return new Object[] {id, name, T0.plusMinutes(minute), false};
    }

    private static List<String> rows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id, lastname FROM contacts ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "=" + rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void a_record_read_twice_keeps_its_newest_version_and_the_stage_becomes_the_table_without_leftovers() throws SQLException {
        try (Connection c = open()) {
            stage(c, row("003A", "old", 1), row("003B", "only", 2), row("003A", "new", 5), row("003C", "same", 3), row("003C", "same", 3));
            table.keepNewestPerId(c);
            table.replaceWithStage(c);
            c.commit();

            assertThat(rows(c)).containsExactly("003A=new", "003B=only", "003C=same");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'contacts__%'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("no staging table left behind").isZero();
            }
        }
    }

    @Test
    void a_delta_replaces_changed_rows_even_in_a_table_an_older_sfsync_made_with_a_primary_key() throws SQLException {
        try (Connection c = open()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE contacts (id VARCHAR NOT NULL, lastname VARCHAR, systemmodstamp TIMESTAMP, isdeleted BOOLEAN, PRIMARY KEY (id))");
                s.execute("INSERT INTO contacts VALUES ('003A', 'before', TIMESTAMP '2026-12-01 09:01:00', false),"
                        + " ('003B', 'kept', TIMESTAMP '2026-12-01 09:02:00', false)");
            }
            c.commit();
            stage(c, row("003A", "after", 9), row("003B", "kept", 2), row("003D", "created", 9));
            table.keepNewestPerId(c);
            InboundTable.MergeCounts counts = table.merge(c, false);
            c.commit();

            assertThat(rows(c)).containsExactly("003A=after", "003B=kept", "003D=created");
            assertThat(counts).isEqualTo(new InboundTable.MergeCounts(1, 1, 0, 1));
        }
    }

    @Test
    void the_read_table_an_interrupted_run_of_an_older_sfsync_left_behind_is_dropped_by_the_next_run() throws SQLException {
        try (Connection c = open()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE contacts__sfsync_read (id VARCHAR, lastname VARCHAR, systemmodstamp TIMESTAMP, isdeleted BOOLEAN)");
                s.execute("INSERT INTO contacts__sfsync_read VALUES ('003Z', 'half-read', TIMESTAMP '2026-12-01 09:01:00', false)");
            }
            c.commit();
            stage(c, row("003A", "new", 1));
            table.keepNewestPerId(c);
            table.replaceWithStage(c);
            c.commit();

            assertThat(rows(c)).containsExactly("003A=new");
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'contacts__%'")) {
                assertThat(rs.next()).as("no leftover table").isFalse();
            }
        }
    }
}
