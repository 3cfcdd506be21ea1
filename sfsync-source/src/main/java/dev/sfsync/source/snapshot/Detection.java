package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.model.Model;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What both change detections share, in DuckDB ({@link ChangeDetection}) and in the warehouse
 * ({@link WarehouseDetection}): the sync, its model and options, the notices a run gathers, and the two tables every
 * run leaves, the changes table (counted here) and the outcomes table (its columns here), whose shapes the change
 * cursor, the outcome loaders and the commits read whichever detection made them.
 */
abstract class Detection {
    final SyncId sync;
    final Model model;
    final DetectOptions options;
    final List<String> notices = new ArrayList<>();

    Detection(SyncId sync, Model model, DetectOptions options) {
        this.sync = sync;
        this.model = model;
        this.options = options;
    }

    /** The outcomes table: the key as text, then what Salesforce answered, in the order it was recorded. */
    static List<String> outcomeColumns(int keyCount, String textType, String integerType) {
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < keyCount; k++) {
            columns.add("_sfsync_t" + k + " " + textType);
        }
        columns.addAll(List.of("_sfsync_status " + textType, "_sfsync_record_id " + textType, "_sfsync_code " + textType,
                "_sfsync_message " + textType, "_sfsync_seq " + integerType));
        return columns;
    }

    /** Counts a changes table by kind (SQL every dialect runs); {@code modelRows} comes from the key check. */
    static ChangeCounts counts(Connection connection, String changes, long modelRows) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT"
                + " coalesce(sum(CASE WHEN _sfsync_kind = 'ADDED' THEN 1 ELSE 0 END), 0),"
                + " coalesce(sum(CASE WHEN _sfsync_kind = 'CHANGED' THEN 1 ELSE 0 END), 0),"
                + " coalesce(sum(CASE WHEN _sfsync_kind = 'REMOVED' THEN 1 ELSE 0 END), 0),"
                + " coalesce(sum(CASE WHEN _sfsync_prior > 0 THEN 1 ELSE 0 END), 0) FROM " + changes)) {
            rs.next();
            return new ChangeCounts(modelRows, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
        }
    }
}
