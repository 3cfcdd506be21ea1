package dev.sfsync.cli;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.store.SalesforceConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Revokes a connection's tokens at Salesforce and forgets them; the project, its runs and snapshots stay. */
@Command(name = "disconnect", mixinStandardHelpOptions = true,
        description = {"Revoke the connection's OAuth grant at Salesforce (its revoke endpoint: the refresh token and every access token "
                + "issued from it stop working) and forget the stored tokens. Syncs through it stop until 'sfsync reconnect'; run history "
                + "and snapshots stay."},
        footer = {"", "Examples:", "  sfsync disconnect sandbox"})
final class DisconnectCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Parameters(index = "0", paramLabel = "CONNECTION", description = "The connection's name under 'connections:'.")
    String name;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ProjectSession.use(project, err, session -> {
            ConnectionConfig connection = session.config.connections().get(name);
            Optional<SalesforceConnection> stored = session.store.connections().find(name);
            if (connection == null || stored.isEmpty() || stored.get().status() == SalesforceConnection.Status.DISCONNECTED) {
                if (connection == null && stored.isEmpty()) {
                    err.println("sfsync.yaml has no connection '" + name + "' (fix: "
                            + dev.sfsync.engine.config.NearestName.fix(name, session.config.connections().keySet(), "connection") + ")");
                    err.flush();
                    return ExitCodes.USAGE;
                }
                out.println("Connection '" + name + "' holds no login: nothing to disconnect.");
                out.flush();
                return ExitCodes.OK;
            }
            String remote = revoke(session, connection);
            session.store.connections().forget(name);
            out.println("Disconnected '" + name + "'" + (stored.get().username() == null ? "" : " (" + stored.get().username() + ")") + ": " + remote
                    + " The stored tokens are deleted; runs, history and snapshots stay. To connect again: sfsync reconnect " + name);
            out.println("To also remove the app's approval on Salesforce's side: Setup > Connected Apps OAuth Usage > the app > Revoke.");
            out.flush();
            return ExitCodes.OK;
        });
    }

    /** What happened at Salesforce, in one sentence; a failed revoke does not keep the tokens here. */
    private static String revoke(ProjectSession session, ConnectionConfig connection) {
        if (connection == null) {
            return "its project entry is gone, so the tokens were not revoked at Salesforce.";
        }
        try (SalesforceClient client = session.logins.client(connection, ExchangeListener.NONE)) {
            client.disconnect();
            return "Salesforce revoked its tokens.";
        } catch (SalesforceException e) {
            if (e.errorCode().equals("invalid_token")) {
                return "Salesforce no longer knew its token (already revoked or expired).";
            }
            return "Salesforce could not revoke its tokens (" + e.errorCode() + ": " + e.getMessage()
                    + "); revoke them under Setup > Connected Apps OAuth Usage.";
        } catch (RuntimeException e) {
            return "its tokens could not be revoked at Salesforce (" + e.getMessage() + "); revoke them under Setup > Connected Apps OAuth Usage.";
        }
    }
}
