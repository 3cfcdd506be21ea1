package dev.sfsync.engine.twoway;

import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.config.ProblemLocator;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** Entry point of two-way syncs: checks the mappings against the org and the table, then runs the sync. */
public final class TwoWaySyncs {
    private TwoWaySyncs() {
    }

    /** Every mapping that cannot flow the way it is configured (one describe call); empty when the sync can run. */
    public static List<ConfigProblem> problems(TwoWaySyncDefinition sync, SalesforceClient client, Connection table, ProblemLocator locator)
            throws SQLException {
        SObjectDescribe object = client.rest().describes().refresh(sync.object());
        Set<String> columns = new HashSet<>();
        try (Statement s = table.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + sync.table() + " WHERE 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
            }
        }
        return TwoWayValidation.problems(sync, object, columns, locator);
    }

    /**
     * The mapped fields against the org alone (no table): each readable by the connection's user, and updateable when
     * it flows outbound or both ways; the doctor checks these before a run would.
     */
    public static List<ConfigProblem> fieldProblems(TwoWaySyncDefinition sync, SalesforceClient client, ProblemLocator locator) {
        return TwoWayValidation.fieldProblems(sync, client.rest().describes().refresh(sync.object()), locator);
    }

    /**
     * Runs the sync; call {@link #problems} first. The table is written a page at a time, each page committed with its
     * last-synced values before its row outcomes go to {@code outcomes}; when it throws, the page in progress is rolled back.
     */
    public static TwoWayResult run(TwoWaySyncDefinition sync, SalesforceClient client, Connection table, Consumer<List<RowOutcome>> outcomes)
            throws SQLException {
        SObjectDescribe object = client.rest().describes().describe(sync.object());
        try {
            return new TwoWayRun(sync, object, client, table, outcomes).run();
        } catch (SQLException | RuntimeException e) {
            table.rollback();
            throw e;
        }
    }
}
