package dev.sfsync.cli;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.config.LoginConfig;
import dev.sfsync.engine.connection.ConnectionCheck;
import dev.sfsync.engine.connection.ConnectionReport;
import dev.sfsync.engine.connection.ConnectionState;
import dev.sfsync.engine.project.SecretValues;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.OAuthTokens;
import dev.sfsync.salesforce.error.SalesforceException;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;

/**
 * The login of 'sfsync connect' and 'sfsync reconnect': the flow the connection's {@code login:} names (or the
 * password grant when a username and password are given), then a live check, so that a user without API access
 * learns it now rather than at the first run.
 */
final class LoginRunner {
    private final ProjectSession session;
    private final PrintWriter out;
    private final PrintWriter err;

    LoginRunner(ProjectSession session, PrintWriter out, PrintWriter err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    int login(String name, String username, String password, Integer port) throws InterruptedException {
        ConnectionConfig connection = session.config.connections().get(name);
        if (connection == null) {
            err.println("sfsync.yaml has no connection '" + name + "' (fix: "
                    + dev.sfsync.engine.config.NearestName.fix(name, session.config.connections().keySet(), "connection") + ")");
            err.flush();
            return ExitCodes.USAGE;
        }
        boolean byPassword = username != null || password != null || connection.login().flow() == LoginConfig.Flow.PASSWORD;
        String user = username != null ? username : connection.login().username().orElse(null);
        try {
            if (byPassword) {
                if (user == null || password == null) {
                    err.println("connection '" + name + "' logs in with a username and password\n  fix: give --username USER and the password on standard input with --password-stdin (or --password PASSWORD)");
                    err.flush();
                    return ExitCodes.USAGE;
                }
                String secret = SecretValues.resolve(connection.clientSecret(), session.config.directory());
                try (SalesforceClient client = session.logins.builder(connection)
                        .credentials(Credentials.password(connection.clientId(), secret, user, password)).build()) {
                    session.logins.remember(connection, client.session().tokens(), user);
                }
            } else if (connection.login().flow() == LoginConfig.Flow.WEB_SERVER) {
                String secret = SecretValues.resolve(connection.clientSecret(), session.config.directory());
                OAuthTokens tokens = session.logins.builder(connection).webServerFlow(connection.clientId(), secret, "api refresh_token")
                        .authorizeWithLocalCallback(port != null ? port : connection.login().callbackPort(), "/OauthRedirect", url -> {
                            out.println("Open this URL in a browser, log in and allow access:");
                            out.println("  " + url);
                            out.flush();
                        }, Duration.ofMinutes(5));
                session.logins.remember(connection, tokens, null);
            } else {
                session.logins.loginUnattended(connection);
            }
        } catch (IllegalArgumentException e) {
            err.println("Cannot log in to '" + name + "': " + e.getMessage()
                    + " (fix: set client_secret: ${env:NAME} on the connection for the password grant)");
            err.flush();
            return ExitCodes.USAGE;
        } catch (SalesforceException e) {
            err.println(LoginFailure.explain(e, name, connection.loginUrl(), user));
            err.flush();
            return ExitCodes.SALESFORCE_UNAVAILABLE;
        } catch (SfsyncException e) {
            err.println("Cannot log in to '" + name + "': " + e.problem() + "\n  fix: " + e.fix());
            err.flush();
            return ExitCodes.CONFIG_INVALID;
        }
        ConnectionReport report = new ConnectionCheck(session.store, session.logins, Clock.systemUTC()).check(connection, session.syncsOf(name), true);
        if (!report.state().usable()) {
            err.printf("Logged in to '%s', but the connection is %s: %s%n  fix: %s%n", name, report.state().label(), report.why(), report.fix());
            err.flush();
            return ExitCodes.SALESFORCE_UNAVAILABLE;
        }
        out.printf("Connected '%s' to %s%s.%n", name, report.instanceUrl(), report.username() == null ? "" : " as " + report.username());
        if (byPassword) {
            out.println("Note: a password login gets no refresh token, so it lasts one session (the org's session timeout); then 'sfsync reconnect "
                    + name + "'. Set login: web_server, jwt_bearer or client_credentials for unattended runs.");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
