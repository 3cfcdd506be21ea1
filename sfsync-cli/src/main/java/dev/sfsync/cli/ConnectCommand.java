package dev.sfsync.cli;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.LoginHost;
import dev.sfsync.salesforce.auth.OAuthTokens;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.store.SalesforceConnection;
import dev.sfsync.store.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** Logs in to a project connection and stores its tokens, encrypted, in the state store. */
@Command(name = "connect", mixinStandardHelpOptions = true,
        description = {"Log in to a connection of sfsync.yaml with OAuth (web-server flow): open the printed URL, log in and allow access; "
                + "the tokens are stored encrypted in .sfsync/. For development orgs and the local emulator, --username and --password "
                + "log in without a browser."},
        footer = {"", "Examples:", "  sfsync connect production", "  sfsync connect local --username admin@sfsync.emulator --password emulator"})
final class ConnectCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Parameters(index = "0", paramLabel = "CONNECTION", description = "The connection's name under 'connections:'.")
    String name;

    @Option(names = "--username", description = "Log in with the password grant (development only; it bypasses MFA).")
    String username;

    @Option(names = "--password", description = "The user's password (with its security token appended, where the org asks for one).")
    String password;

    @Option(names = "--port", defaultValue = "1717", description = "Local port for the OAuth callback (default 1717; register "
            + "http://localhost:1717/OauthRedirect in the connected app).")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        var result = new ProjectConfigReader().read(project.directory);
        if (!result.ok()) {
            return new ValidateCommand().report(result, out, err);
        }
        ConnectionConfig connection = result.config().orElseThrow().connections().get(name);
        if (connection == null) {
            err.println("sfsync.yaml has no connection '" + name + "' (fix: "
                    + dev.sfsync.engine.config.NearestName.fix(name, result.config().orElseThrow().connections().keySet(), "connection") + ")");
            err.flush();
            return ExitCodes.USAGE;
        }
        String loginUrl = connection.loginUrl();
        String clientSecret = connection.clientSecret().map(s -> dev.sfsync.engine.project.SecretValues.resolve(s, project.directory)).orElse(null);
        try (StateStore store = StateStore.embedded(project.directory.resolve(dev.sfsync.engine.project.SyncProject.STATE_DIRECTORY)).open()) {
            OAuthTokens tokens;
            if (username != null || password != null) {
                SalesforceClient client = SalesforceClient.builder().loginHost(LoginHost.of(loginUrl)).sleeper(project.sleeper())
                        .credentials(Credentials.password(connection.clientId(), clientSecret, username, password)).build();
                tokens = client.session().tokens();
            } else {
                tokens = SalesforceClient.builder().loginHost(LoginHost.of(loginUrl)).sleeper(project.sleeper())
                        .webServerFlow(connection.clientId(), clientSecret, "api refresh_token")
                        .authorizeWithLocalCallback(port, "/OauthRedirect", url -> {
                            out.println("Open this URL in a browser, log in and allow access:");
                            out.println("  " + url);
                            out.flush();
                        }, Duration.ofMinutes(5));
            }
            store.connections().save(new SalesforceConnection(name, connection.environment() == ConnectionConfig.Environment.SANDBOX
                    ? SalesforceConnection.Environment.SANDBOX : SalesforceConnection.Environment.PRODUCTION, loginUrl,
                    tokens.instanceUrl().toString(), connection.clientId(), username, tokens.orgId().orElse(null),
                    SalesforceConnection.Status.CONNECTED, null,
                    new SalesforceConnection.Secrets(tokens.accessToken(), tokens.refreshToken(), clientSecret), null));
            out.printf("Connected '%s' to %s%s.%n", name, tokens.instanceUrl(), username == null ? "" : " as " + username);
            out.flush();
            return ExitCodes.OK;
        } catch (IllegalArgumentException e) {
            err.println("Cannot log in to '" + name + "': " + e.getMessage()
                    + " (fix: set client_secret: ${env:NAME} on the connection for the password grant)");
            err.flush();
            return ExitCodes.USAGE;
        } catch (SalesforceException e) {
            err.println(LoginFailure.explain(e, name, loginUrl, username));
            err.flush();
            return ExitCodes.SALESFORCE_UNAVAILABLE;
        }
    }
}
