package dev.sfsync.cli;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.project.SyncHasProblems;
import dev.sfsync.salesforce.error.SalesforceException;

import java.io.PrintWriter;

/** Prints what stopped a command and picks its exit code. */
final class Failures {
    private Failures() {
    }

    static int report(RuntimeException e, PrintWriter err) {
        int code;
        if (e instanceof SyncHasProblems problems) {
            err.printf("sync has %d problem(s) against the org; nothing was sent:%n", problems.problems().size());
            problems.problems().stream().map(ConfigProblem::render).forEach(p -> err.println("  " + p));
            code = ExitCodes.CONFIG_INVALID;
        } else if (e instanceof SalesforceException || e instanceof ProjectSession.NotConnected) {
            err.println("Salesforce is unavailable: " + e.getMessage());
            code = ExitCodes.SALESFORCE_UNAVAILABLE;
        } else if (e instanceof SfsyncException known) {
            err.println(known.problem() + (known.fix() == null ? "" : "\n  fix: " + known.fix()));
            code = ExitCodes.CONFIG_INVALID;
        } else {
            throw e;
        }
        err.flush();
        return code;
    }
}
