package dev.sfsync.engine.inbound;

import dev.sfsync.engine.config.ProblemLocator;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/** Entry point of inbound syncs for the project: plans a sync's columns against the org, then runs it into its table. */
public final class InboundSyncs {
    private InboundSyncs() {
    }

    /** The table's columns from the object's describe as the connection's user sees it, or the problems (one describe call). */
    public static InboundColumns.Planned columns(InboundSyncDefinition sync, SalesforceClient client, ProblemLocator locator) {
        SObjectDescribe object = client.rest().describes().refresh(sync.object());
        return InboundColumns.plan(sync, object, locator);
    }

    /**
     * Runs the sync into {@code destination} (which the caller closes): initial when {@code full}, when the table or
     * this org's cursor is missing; otherwise a delta. Throws {@link InboundSyncFailed} with nothing committed.
     */
    public static InboundResult run(InboundSyncDefinition sync, InboundColumns columns, SalesforceClient client, String orgId, Connection destination,
                                    boolean full, Clock clock, InboundProgress progress) {
        try {
            return new InboundRun(sync, columns, client, orgId, clock, progress).run(destination, full);
        } catch (SQLException e) {
            rollback(destination);
            if (dev.sfsync.core.DiskFull.in(e)) {
                throw new InboundSyncFailed("the disk filled while sync '" + sync.name() + "' wrote " + sync.table() + " (" + e.getMessage()
                        + "); nothing was committed and its cursor did not move", dev.sfsync.core.DiskFull.FIX, e);
            }
            throw new InboundSyncFailed("the database refused sync '" + sync.name() + "''s rows for " + sync.table() + ": " + e.getMessage(),
                    "check the source is writable and the table was not changed by hand (or rebuild it with 'sfsync run --full " + sync.name() + "')", e);
        } catch (IllegalArgumentException e) {
            rollback(destination);
            throw new InboundSyncFailed("Salesforce returned a value sync '" + sync.name() + "' cannot store: " + e.getMessage(),
                    "report it with the record's field type; nothing was committed", e);
        } catch (RuntimeException e) {
            rollback(destination);
            throw e;
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken already; nothing it held was committed.
        }
    }
}
