package dev.sfsync.engine.run;

import dev.sfsync.core.change.ChangeTable;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.plan.SqlRecords;
import dev.sfsync.engine.sync.Lookup;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set-based run's lookups, resolved before any row is planned: each lookup's referenced values are collected with
 * one {@code SELECT DISTINCT} over the changes, searched in batched SOQL (the values that already are Ids of the
 * lookup's object, or a lookup by Id, need no query, as for the planner), and kept in a table of the change set's
 * database, {@code (v, id)} with a null Id for a value nothing has, which {@link SqlRecords} joins. The tables sit
 * beside the changes table (the load reads them on connections of its own) and are dropped on {@link #close}.
 */
final class SqlLookups implements AutoCloseable {
    /** Values read from the changes and searched before their answers are written to the table. */
    private static final int VALUES_PER_ROUND = 10_000;

    private final ChangeTable table;
    private final Map<String, String> tables;

    private SqlLookups(ChangeTable table, Map<String, String> tables) {
        this.table = table;
        this.tables = Map.copyOf(tables);
    }

    /** Reference field (as the describe names it) to the table holding its lookup's answers. */
    Map<String, String> tables() {
        return tables;
    }

    /** The tables' names, before they exist, for deciding whether the sync can go set-based at all. */
    static Map<String, String> names(PreparedSync sync, ChangeTable table) {
        Map<String, String> names = new LinkedHashMap<>();
        String changes = table.name();
        List<Lookup> lookups = sync.definition().lookups();
        for (int i = 0; i < lookups.size(); i++) {
            // The changes table's name ends in its quoted identifier: the lookup's table is named after it.
            String name = changes.endsWith("\"") ? changes.substring(0, changes.length() - 1) + "_lookup" + i + "\"" : changes + "_lookup" + i;
            names.put(sync.field(lookups.get(i).field()).name(), name);
        }
        if (SqlRecords.findsRecordIds(sync)) {
            names.put(SqlRecords.MATCH, changes.endsWith("\"") ? changes.substring(0, changes.length() - 1) + "_match\"" : changes + "_match");
        }
        return names;
    }

    /**
     * Resolves every lookup of the sync into its table. A query Salesforce refuses propagates (the caller then sends
     * the rows through the planner, which fails each chunk with that call's error as it always did).
     */
    static SqlLookups resolve(PreparedSync sync, ChangeTable table, RecordFinder finder) {
        Map<String, String> names = names(sync, table);
        SqlLookups lookups = new SqlLookups(table, names);
        boolean done = false;
        try (Connection sql = table.connect(); Statement statement = sql.createStatement()) {
            for (Lookup lookup : sync.definition().lookups()) {
                String field = sync.field(lookup.field()).name();
                String name = names.get(field);
                statement.execute("CREATE OR REPLACE TABLE " + name + " (v VARCHAR PRIMARY KEY, id VARCHAR)");
                Optional<String> value = SqlRecords.lookupValue(sync, lookup, "c");
                if (value.isPresent()) {
                    fill(table, name, lookup, sync.lookupObjects().get(field), finder, "SELECT DISTINCT " + value.get() + " FROM " + table.name()
                            + " c WHERE c._sfsync_kind <> 'REMOVED' AND regexp_matches(" + value.get() + ", '[!-~]')");
                }
            }
            if (names.containsKey(SqlRecords.MATCH)) {
                // Rows the snapshot knows no record of are found by their match value, as the planner's chunks find them.
                String name = names.get(SqlRecords.MATCH);
                statement.execute("CREATE OR REPLACE TABLE " + name + " (v VARCHAR PRIMARY KEY, id VARCHAR)");
                Optional<String> value = SqlRecords.matchValue(sync, "c");
                if (value.isPresent()) {
                    String field = sync.field(sync.definition().match().orElseThrow().field()).name();
                    fill(table, name, new Lookup(field, sync.object().name(), field, sync.definition().match().orElseThrow().column()), null, finder,
                            "SELECT DISTINCT " + value.get() + " FROM " + table.name() + " c WHERE c._sfsync_kind <> 'REMOVED'"
                                    + " AND c._sfsync_record_id IS NULL AND regexp_matches(" + value.get() + ", '[!-~]')");
                }
            }
            done = true;
            return lookups;
        } catch (SQLException e) {
            throw new IllegalStateException("resolving the lookups in the snapshot store failed: " + e.getMessage(), e);
        } finally {
            if (!done) {
                lookups.close();
            }
        }
    }

    private static void fill(ChangeTable table, String name, Lookup lookup, SObjectDescribe target, RecordFinder finder, String distinct)
            throws SQLException {
        // The answers go in on a connection of their own: a statement run beside a streaming result would end it.
        try (Connection reader = table.connect(); Connection writer = table.connect(); Statement read = reader.createStatement();
             ResultSet values = read.executeQuery(distinct); PreparedStatement insert = writer.prepareStatement("INSERT INTO " + name + " VALUES (?, ?)")) {
            List<String> round = new ArrayList<>();
            boolean more = true;
            while (more) {
                more = values.next();
                if (more) {
                    round.add(values.getString(1));
                }
                if (round.size() >= VALUES_PER_ROUND || (!more && !round.isEmpty())) {
                    Map<String, String> ids = idsOf(lookup, target, finder, round);
                    for (String v : round) {
                        insert.setString(1, v);
                        insert.setString(2, ids.get(v));
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    round.clear();
                }
            }
        }
    }

    /** As the planner resolves a value: an Id of the object (or a lookup by Id) as it is, others by query. */
    private static Map<String, String> idsOf(Lookup lookup, SObjectDescribe target, RecordFinder finder, List<String> values) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> searched = new ArrayList<>();
        for (String v : values) {
            if (ChunkWriter.looksLikeIdOf(target, v) || lookup.matchField().equalsIgnoreCase("Id")) {
                ids.put(v, v);
            } else {
                searched.add(v);
            }
        }
        ids.putAll(finder.findOnce(lookup.object(), lookup.matchField(), searched));
        return ids;
    }

    @Override
    public void close() {
        try (Connection sql = table.connect(); Statement statement = sql.createStatement()) {
            for (String name : tables.values()) {
                statement.execute("DROP TABLE IF EXISTS " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("dropping the lookup tables in the snapshot store failed: " + e.getMessage(), e);
        }
    }
}
