package dev.sfsync.cli;

import dev.sfsync.engine.twoway.Conflict;
import dev.sfsync.engine.twoway.TwoWayResult;

import java.io.PrintWriter;

/** Runs one two-way sync for 'sfsync run' and says what it wrote each way, and every conflict. */
final class TwoWayRunOutput {
    private TwoWayRunOutput() {
    }

    static int run(ProjectSession session, String sync, PrintWriter out, PrintWriter err) {
        try {
            TwoWayResult r = session.project.runTwoWay(sync);
            out.printf("%s: two-way: %,d created and %,d updated in Salesforce, %,d rows updated in the table, %,d unchanged, %,d refused,"
                            + " %,d failed, %,d conflicts (records read through %s)%n", sync, r.createdInSalesforce(), r.updatedInSalesforce(),
                    r.updatedInTable(), r.unchanged(), r.rejected(), r.failed(), r.conflicts().size(),
                    r.readApi() == dev.sfsync.engine.inbound.InboundApi.BULK2 ? "Bulk API 2.0" : "REST");
            r.conflicts().stream().limit(20).map(Conflict::describe).forEach(c -> out.println("  conflict: " + c));
            if (r.conflicts().size() > 20) {
                out.println("  ... every conflict is in 'sfsync runs show RUN'");
            }
            r.problems().stream().filter(o -> o.error() != null).limit(20)
                    .forEach(o -> out.printf("  row %s %s %s: %s%n", o.key(), o.status(), o.error().code(), o.error().message()));
            out.flush();
            return r.rejected() + r.failed() == 0 ? ExitCodes.OK : ExitCodes.ROWS_FAILED;
        } catch (RuntimeException e) {
            return Failures.report(e, session, sync, err);
        }
    }
}
