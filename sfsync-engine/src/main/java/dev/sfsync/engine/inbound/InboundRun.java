package dev.sfsync.engine.inbound;

import dev.sfsync.engine.inbound.CursorTable.Cursor;
import dev.sfsync.engine.inbound.InboundTable.MergeCounts;
import dev.sfsync.salesforce.SalesforceClient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run of an inbound sync into an open destination connection.
 * <p>
 * Initial: every record (queryAll when tombstones are kept) into a staging table, renamed over the table with the
 * cursor saved in the same transaction. Delta: every record whose SystemModstamp is at or after the cursor less the
 * look-back, read with queryAll so deletes come too. Reading from the cursor itself (not after it) takes again the
 * records that share its second; the look-back takes again those whose transaction committed after a later stamp was
 * read. Records read again and unchanged are counted, not rewritten. Rows and cursor commit together.
 */
final class InboundRun {
    // Values per INSERT statement: Postgres takes at most 65,535 parameters in one; more rows per statement gain little.
    private static final int VALUES_PER_INSERT = 30_000;
    private static final int MAX_ROWS_PER_INSERT = 500;
    private static final int COMMIT_EVERY = 50_000;

    private final InboundSyncDefinition sync;
    private final InboundColumns columns;
    private final SalesforceClient client;
    private final String orgId;
    private final Clock clock;
    private final InboundProgress progress;
    private final InboundTable table;

    InboundRun(InboundSyncDefinition sync, InboundColumns columns, SalesforceClient client, String orgId, Clock clock, InboundProgress progress) {
        this.sync = sync;
        this.columns = columns;
        this.client = client;
        this.orgId = orgId;
        this.clock = clock;
        this.progress = progress;
        this.table = new InboundTable(sync.table(), columns);
    }

    InboundResult run(Connection c, boolean full) throws SQLException {
        c.setAutoCommit(false);
        boolean exists = InboundTable.exists(c, table.name());
        CursorTable.ensure(c);
        c.commit();
        List<String> notices = new ArrayList<>();
        java.util.Optional<Cursor> cursor = CursorTable.find(c, sync.name(), orgId);
        if (full) {
            notices.add("--full: the table is rebuilt from every record");
        } else if (cursor.isEmpty()) {
            notices.add(exists ? "no cursor for org " + orgId + " (first run against this org): the table is rebuilt from its records"
                    : "first run: table " + table.name() + " is created");
        } else if (!exists) {
            notices.add("table " + table.name() + " was dropped: it is rebuilt from every record");
        }
        if (full || cursor.isEmpty() || !exists) {
            return initial(c, notices);
        }
        InboundTable.Migration migration = table.migrate(c);
        if (!migration.typeChanges().isEmpty()) {
            c.rollback();
            throw new InboundSyncFailed("the types of " + sync.object() + "'s fields changed in Salesforce: " + String.join("; ", migration.typeChanges()),
                    "sfsync does not convert a column in place; rebuild the table with 'sfsync run --full " + sync.name()
                            + "', or alter the column yourself", null);
        }
        migration.addedColumns().forEach(col -> notices.add("column " + col + " added (a field new to the sync); rows read before it keep it empty"
                + " until their record changes, or run --full to fill it"));
        return delta(c, cursor.get(), notices);
    }

    private InboundResult initial(Connection c, List<String> notices) throws SQLException {
        table.createRaw(c);
        c.commit();
        String soql = "SELECT " + columns.selectList() + " FROM " + sync.object() + sync.filter().map(f -> " WHERE " + f).orElse("");
        Staged staged = stage(c, soql, sync.includeDeleted(), true);
        table.keepNewestPerId(c);
        table.replaceWithStage(c);
        LocalDateTime now = now();
        CursorTable.forgetOtherOrgs(c, sync.name(), orgId);
        CursorTable.save(c, sync.name(), orgId, sync.object(), table.name(), new Cursor(staged.newest, staged.newestId, now), now);
        c.commit();
        return new InboundResult(sync.name(), table.name(), true, staged.api, staged.rows, 0, 0, 0, staged.newest, notices);
    }

    private InboundResult delta(Connection c, Cursor cursor, List<String> notices) throws SQLException {
        LocalDateTime from = cursor.systemModstamp() == null ? LocalDateTime.of(1970, 1, 1, 0, 0)
                : cursor.systemModstamp().minus(sync.lookback());
        String since = "SystemModstamp >= " + FieldValues.soqlLiteral(from);
        table.createRaw(c);
        String soql = "SELECT " + columns.selectList() + " FROM " + sync.object() + " WHERE " + since + sync.filter().map(f -> " AND (" + f + ")").orElse("");
        Staged staged = stage(c, soql, true, false);
        table.keepNewestPerId(c);
        long leftFilter = 0;
        if (sync.filter().isPresent()) {
            leftFilter = table.removeIds(c, idsLeavingFilter(since));
        }
        MergeCounts merged = table.merge(c, sync.includeDeleted());
        LocalDateTime newest = staged.newest == null || (cursor.systemModstamp() != null && staged.newest.isBefore(cursor.systemModstamp()))
                ? cursor.systemModstamp() : staged.newest;
        String newestId = newest == staged.newest ? staged.newestId : cursor.lastId();
        CursorTable.save(c, sync.name(), orgId, sync.object(), table.name(), new Cursor(newest, newestId, cursor.initialAt()), now());
        c.commit();
        return new InboundResult(sync.name(), table.name(), false, staged.api, merged.created(), merged.updated(), merged.deleted() + leftFilter,
                merged.unchanged(), newest, notices);
    }

    /** Records changed in the window that no longer meet the filter: they leave the table. */
    private List<String> idsLeavingFilter(String since) {
        List<String> ids = new ArrayList<>();
        String soql = "SELECT Id FROM " + sync.object() + " WHERE " + since + " AND NOT (" + sync.filter().orElseThrow() + ")";
        try (RecordReader reader = RecordReader.open(client, soql, false, apiFor(false))) {
            reader.forEachRemaining(record -> ids.add(String.valueOf(record.get("Id"))));
        }
        return ids;
    }

    private static final class Staged {
        long rows;
        LocalDateTime newest;
        String newestId;
        InboundApi api;
    }

    private Staged stage(Connection c, String soql, boolean includeDeleted, boolean commitAsItGoes) throws SQLException {
        Staged staged = new Staged();
        LocalDateTime seenAt = now();
        List<InboundColumn> all = columns.all();
        int rowsPerInsert = Math.max(1, Math.min(MAX_ROWS_PER_INSERT, VALUES_PER_INSERT / all.size()));
        Object[][] batch = new Object[rowsPerInsert][];
        int inBatch = 0;
        long sinceCommit = 0;
        try (RecordReader reader = RecordReader.open(client, soql, includeDeleted, apiFor(commitAsItGoes), sync.idRangeSize(),
                sync.pkChunkSize());
             PreparedStatement full = table.rawInsert(c, rowsPerInsert)) {
            staged.api = reader.used();
            while (reader.hasNext()) {
                Map<String, ?> record = reader.next();
                Object[] row = new Object[all.size()];
                for (int i = 0; i < all.size(); i++) {
                    InboundColumn column = all.get(i);
                    row[i] = column.field() == null ? seenAt : FieldValues.toColumn(column.type(), record.get(column.field()));
                }
                batch[inBatch++] = row;
                staged.rows++;
                track(staged, record);
                if (inBatch == rowsPerInsert) {
                    insert(full, batch, inBatch);
                    sinceCommit += inBatch;
                    inBatch = 0;
                    progress.staged(staged.rows);
                    if (commitAsItGoes && sinceCommit >= COMMIT_EVERY) {
                        c.commit();
                        sinceCommit = 0;
                    }
                }
            }
            if (inBatch > 0) {
                try (PreparedStatement rest = table.rawInsert(c, inBatch)) {
                    insert(rest, batch, inBatch);
                }
            }
            progress.staged(staged.rows);
        }
        return staged;
    }

    /** PK chunking is for reading a whole big object: a delta's few records are read as {@code auto} reads them. */
    private InboundApi apiFor(boolean initial) {
        return !initial && sync.api() == InboundApi.BULK1 ? InboundApi.AUTO : sync.api();
    }

    private static void insert(PreparedStatement insert, Object[][] rows, int count) throws SQLException {
        int index = 1;
        for (int r = 0; r < count; r++) {
            for (Object value : rows[r]) {
                insert.setObject(index++, value);
            }
            rows[r] = null;
        }
        insert.executeUpdate();
    }

    /** The newest (SystemModstamp, Id) read: where the next delta starts. */
    private static void track(Staged staged, Map<String, ?> record) {
        Object raw = record.get("SystemModstamp");
        if (raw == null) {
            return;
        }
        LocalDateTime stamp = FieldValues.dateTime(String.valueOf(raw));
        String id = String.valueOf(record.get("Id"));
        if (staged.newest == null || stamp.isAfter(staged.newest) || (stamp.equals(staged.newest) && id.compareTo(staged.newestId) > 0)) {
            staged.newest = stamp;
            staged.newestId = id;
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).withNano(0);
    }
}
