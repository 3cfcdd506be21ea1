package dev.sfsync.engine.inbound;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What one inbound run did to its table.
 *
 * @param initial  true when the table was rebuilt from every record (first run, --full, another org)
 * @param created  rows new to the table
 * @param updated  rows whose record changed since it was last taken
 * @param deleted  rows removed or turned into tombstones (deleted in Salesforce, or no longer meeting the filter)
 * @param unchanged records read again (the cursor's overlap) and found as the table already had them
 * @param cursor   the SystemModstamp the next delta reads from (less the look-back); null when the object is empty
 * @param notices  things the user should know: columns added, why the run was initial
 */
public record InboundResult(String sync, String table, boolean initial, InboundApi api, long created, long updated, long deleted,
                            long unchanged, LocalDateTime cursor, List<String> notices) {
    public InboundResult {
        notices = List.copyOf(notices);
    }

    public long read() {
        return created + updated + deleted + unchanged;
    }
}
