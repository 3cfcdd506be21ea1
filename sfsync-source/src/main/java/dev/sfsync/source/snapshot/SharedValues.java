package dev.sfsync.source.snapshot;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Finds, across the whole model, the values of columns that must be unique which more than one row holds, and
 * joins their counts into the changed rows. One aggregation over every staged row, of hashes (DuckDB spills it to disk
 * when large), then exact counts of the few values it leaves.
 * Null and blank values are left out: a row without a match value is refused for that reason, not this one.
 * <p>
 * Column numbered {@code i} in the stage is {@code _sfsync_u<i>}; in the changes table a repeated value's counts are
 * {@code _sfsync_ux<i>} (exact) and {@code _sfsync_ui<i>} (ignoring case), both null when nothing repeats it.
 */
final class SharedValues {
    private final List<String> columns;

    private SharedValues(List<String> columns) {
        this.columns = columns;
    }

    /** The columns as the model spells them, in a fixed order. */
    static SharedValues resolve(Set<String> uniqueColumns, ModelSchema schema, Model model) {
        return new SharedValues(uniqueColumns.stream().sorted().map(column -> schema.column(column).map(ModelColumn::name)
                .orElseThrow(() -> new MappedColumnMissing(model, "(values that must be unique)", column, schema.names()))).toList());
    }

    List<String> columns() {
        return columns;
    }

    /** Select-list items for the stage: each column's value as text, which is how Salesforce receives it. */
    String stageColumns(String alias) {
        return Sql.each(columns.size(), "", i -> ", " + text(alias, i) + " AS _sfsync_u" + i);
    }

    /** Creates one small table per column of its repeated values, from the stage. */
    void find(Connection connection, String stage) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            String value = "_sfsync_u" + i;
            // Grouping 64-bit hashes first keeps the one aggregation over every row small; the few candidates it leaves
            // (repeats, and the rare hash collision) are then counted on their text.
            Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE " + table(i) + " AS WITH candidates AS (SELECT " + value + " AS v FROM " + stage
                    + " WHERE trim(" + value + ") <> '' AND hash(lower(" + value + ")) IN (SELECT hash(lower(" + value + ")) AS h FROM " + stage
                    + " WHERE trim(" + value + ") <> '' GROUP BY h HAVING count(*) > 1)), ignoring_case AS (SELECT lower(v) AS lv, count(*) AS n"
                    + " FROM candidates GROUP BY lv HAVING count(*) > 1) SELECT c.v, count(*) AS n, any_value(r.n) AS n_ci FROM candidates c"
                    + " JOIN ignoring_case r ON lower(c.v) = r.lv GROUP BY c.v");
        }
    }

    /** Joins for the changed rows aliased {@code alias} (holding the model's columns), each to its repeated values. */
    String joins(String alias) {
        return Sql.each(columns.size(), "", i -> " LEFT JOIN " + table(i) + " sv" + i + " ON " + text(alias, i) + " = sv" + i + ".v");
    }

    /** Select-list items carrying the counts into the changes table. */
    String counts() {
        return Sql.each(columns.size(), "", i -> ", sv" + i + ".n AS _sfsync_ux" + i + ", sv" + i + ".n_ci AS _sfsync_ui" + i);
    }

    void drop(Connection connection) throws SQLException {
        for (int i = 0; i < columns.size(); i++) {
            Sql.execute(connection, "DROP TABLE IF EXISTS " + table(i));
        }
    }

    private String text(String alias, int i) {
        return "CAST(" + alias + "." + Sql.ident(columns.get(i)) + " AS VARCHAR)";
    }

    private static String table(int i) {
        return "sfsync_shared_" + i;
    }
}
