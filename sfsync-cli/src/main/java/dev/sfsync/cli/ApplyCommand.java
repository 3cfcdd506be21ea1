package dev.sfsync.cli;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.fields.CustomFieldCreator;
import dev.sfsync.engine.fields.FieldChange;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.metadata.CustomFieldSpec;
import dev.sfsync.salesforce.observe.ExchangeListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Brings the org to what the project declares: the custom fields of every sync's create_fields, visible to the integration user. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Create or update the custom fields syncs declare under create_fields, through the Metadata API; grant edit access "
                + "to them (field-level security) through the permission set " + CustomFieldCreator.PERMISSION_SET + ", assigned to each "
                + "connection's user; wait until the describe shows them; and report what changed. Running it again changes nothing. "
                + "Needs Customize Application (and Modify All Data): without it, it says which permission an admin must grant."},
        footer = {"", "Examples:", "  sfsync apply"})
final class ApplyCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ProjectSession.use(project, err, session -> {
            Map<String, List<CustomFieldSpec>> byConnection = new LinkedHashMap<>();
            session.config.createFields().forEach((sync, fields) -> byConnection
                    .computeIfAbsent(session.config.syncs().get(sync).connection(), c -> new ArrayList<>()).addAll(fields));
            if (byConnection.values().stream().allMatch(List::isEmpty)) {
                out.println("No sync declares create_fields: nothing to apply.");
                out.flush();
                return ExitCodes.OK;
            }
            int changed = 0;
            for (Map.Entry<String, List<CustomFieldSpec>> entry : byConnection.entrySet()) {
                ConnectionConfig connection = session.config.connections().get(entry.getKey());
                try (SalesforceClient client = session.logins.client(connection, ExchangeListener.NONE)) {
                    for (FieldChange change : new CustomFieldCreator(client, project.sleeper()).apply(connection.name(), entry.getValue())) {
                        changed += change.changedAnything() ? 1 : 0;
                        out.printf("%-40s %-9s %s%n", change.object() + "." + change.field(), change.action().name().toLowerCase(java.util.Locale.ROOT),
                                change.flsGranted() ? "edit access granted to " + CustomFieldCreator.PERMISSION_SET : "edit access already granted");
                    }
                } catch (SfsyncException e) {
                    err.println(e.problem() + "\n  fix: " + e.fix());
                    err.flush();
                    return ExitCodes.SALESFORCE_UNAVAILABLE;
                } catch (SalesforceException e) {
                    err.println("Salesforce refused a call of 'sfsync apply' through connection '" + connection.name() + "': " + e.getMessage()
                            + "\n  fix: sfsync doctor " + connection.name());
                    err.flush();
                    return ExitCodes.SALESFORCE_UNAVAILABLE;
                }
            }
            out.println(changed == 0 ? "Nothing to change: every declared field exists as declared and is writable." : changed + " field(s) changed.");
            out.flush();
            return ExitCodes.OK;
        });
    }
}
