package dev.sfsync.cli;

import dev.sfsync.engine.inbound.WhyMissing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Explains why a Salesforce record is not in an inbound sync's table. */
@Command(name = "why-missing", mixinStandardHelpOptions = true,
        description = {"Explain why a record is not in an inbound sync's table: not visible to the connection's user (sharing, org-wide "
                + "defaults, another owner), deleted, excluded by the filter, changed after the last run, modified before the cursor, "
                + "or no record with that email."},
        footer = {"", "Examples:", "  sfsync why-missing contacts_in 0035g00000AbCdEAAV", "  sfsync why-missing contacts_in ada@example.com",
                "", "Exit codes: 0 the record is in the table, 1 it is not (the reasons are printed), 3 config problems, 4 Salesforce unavailable"})
final class WhyMissingCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Parameters(index = "0", paramLabel = "SYNC", description = "The inbound sync whose table lacks the record.")
    String sync;

    @Parameters(index = "1", paramLabel = "RECORD_ID_OR_EMAIL", description = "The record's Id (15 or 18 characters) or its email.")
    String key;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return ProjectSession.useForSync(project, spec, sync, (session, out) -> {
            WhyMissing.Answer answer = session.project.whyMissing(sync, key);
            answer.reasons().forEach(reason -> out.println("- " + reason));
            return answer.inTable() ? ExitCodes.OK : ExitCodes.ROWS_FAILED;
        });
    }
}
