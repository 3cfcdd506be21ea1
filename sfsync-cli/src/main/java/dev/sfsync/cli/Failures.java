package dev.sfsync.cli;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.lease.SyncIsRunning;
import dev.sfsync.engine.project.SyncHasProblems;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.salesforce.error.AuthenticationFailed;
import dev.sfsync.salesforce.error.ReconnectNeeded;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.store.SalesforceConnection;

import java.io.PrintWriter;

/** Prints what stopped a command on one sync, and picks its exit code. */
final class Failures {
    private Failures() {
    }

    static int report(RuntimeException e, ProjectSession session, String sync, PrintWriter err) {
        String connection = session.connectionOf(sync);
        int code;
        if (e instanceof SyncHasProblems problems && problems.unreadableModel() != null) {
            err.printf("sync '%s' cannot read its model '%s', so nothing was sent:%n", sync, problems.unreadableModel());
            problems.problems().forEach(p -> err.printf("  %s:%d: %s: %s%n  fix: %s%n", p.file(), p.line(), p.path(), p.message(), p.fix()));
            code = ExitCodes.CONFIG_INVALID;
        } else if (e instanceof SyncHasProblems problems) {
            err.printf("sync '%s' has %d problem(s) against the org; nothing was sent:%n", sync, problems.problems().size());
            problems.problems().stream().map(ConfigProblem::render).forEach(p -> err.println("  " + p));
            code = ExitCodes.CONFIG_INVALID;
        } else if (e instanceof SyncProject.UnknownSync unknown) {
            err.println(unknown.problem() + "\n  fix: " + unknown.fix());
            code = ExitCodes.USAGE;
        } else if (e instanceof SyncIsRunning busy) {
            err.println(busy.problem() + "\n  fix: " + busy.fix());
            code = ExitCodes.SYNC_BUSY;
        } else if (e instanceof dev.sfsync.engine.connection.Logins.NotConnected notConnected) {
            err.println(notConnected.problem() + "\n  fix: " + notConnected.fix());
            code = ExitCodes.SALESFORCE_UNAVAILABLE;
        } else if (e instanceof ReconnectNeeded || e instanceof AuthenticationFailed) {
            loginRefused((SalesforceException) e, session, connection, err);
            code = ExitCodes.SALESFORCE_UNAVAILABLE;
        } else if (e instanceof SalesforceException failed) {
            err.println((failed.httpStatus() == 0 ? "Salesforce cannot be reached" : "Salesforce failed the call")
                    + (connection == null ? "" : " (connection '" + connection + "')") + ": " + failed.getMessage());
            if (failed.httpStatus() == 0) {
                err.println("  fix: check the network and that the org is up, then run again; rows not sent are sent next run");
            }
            code = ExitCodes.SALESFORCE_UNAVAILABLE;
        } else if (e instanceof SfsyncException known) {
            String fix = dev.sfsync.core.DiskFull.in(known) ? dev.sfsync.core.DiskFull.FIX : known.fix();
            err.println(known.problem() + (fix == null ? "" : "\n  fix: " + fix));
            code = CommandFailures.exitCode(known);
        } else {
            throw e;
        }
        err.flush();
        return code;
    }

    /** The stored login no longer works: only a new login helps, and 'sfsync connections' shows it from now on. */
    private static void loginRefused(SalesforceException e, ProjectSession session, String connection, PrintWriter err) {
        dev.sfsync.engine.connection.OAuthAdvice.Advice advice = dev.sfsync.engine.connection.OAuthAdvice.of(e.errors().getFirst(), connection);
        err.println("Salesforce refused the stored login of connection '" + connection + "': " + e.getMessage());
        err.println("  why: " + advice.reason());
        err.println("  fix: " + advice.fix());
        if (session.store.connections().find(connection).isPresent()) {
            session.store.connections().recordCheck(connection, SalesforceConnection.Status.EXPIRED,
                    advice.reason() + " (" + e.errorCode() + ")\nfix: " + advice.fix());
        }
    }
}
