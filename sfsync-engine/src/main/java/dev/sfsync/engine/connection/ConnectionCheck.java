package dev.sfsync.engine.connection;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.core.SyncId;
import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.config.LoginConfig;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Identity;
import dev.sfsync.salesforce.error.AccessDenied;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.store.Run;
import dev.sfsync.store.SalesforceConnection;
import dev.sfsync.store.SalesforceConnection.Status;
import dev.sfsync.store.StateStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Works out a connection's state. A live check costs one API request (GET /limits, which also shows the org's usage)
 * plus userinfo (free), renewing the access token the way a run would; what it finds is stored, so that the state
 * never rests on a flag from an old failure. Without a live check, the stored result is shown as what it is.
 */
public final class ConnectionCheck {
    private static final String FIX_SEPARATOR = "\nfix: ";

    private final StateStore store;
    private final Logins logins;
    private final Clock clock;

    public ConnectionCheck(StateStore store, Logins logins, Clock clock) {
        this.store = store;
        this.logins = logins;
        this.clock = clock;
    }

    /** @param syncs the syncs writing through this connection, whose runs say whether it is stale */
    public ConnectionReport check(ConnectionConfig connection, Collection<String> syncs, boolean live) {
        Optional<SalesforceConnection> stored = store.connections().find(connection.name());
        boolean machine = connection.login().flow() == LoginConfig.Flow.JWT_BEARER || connection.login().flow() == LoginConfig.Flow.CLIENT_CREDENTIALS;
        if (stored.isEmpty() && !(live && machine)) {
            return report(connection, null, ConnectionState.NEVER_CONNECTED, "no login stored yet", "sfsync connect " + connection.name(), false);
        }
        if (stored.isPresent() && stored.get().status() == Status.DISCONNECTED) {
            return fromStore(connection, stored.get(), syncs, false);
        }
        if (!live) {
            return fromStore(connection, stored.get(), syncs, false);
        }
        try (SalesforceClient client = logins.client(connection, ExchangeListener.NONE)) {
            client.rest().limits();
            Identity identity = client.rest().userinfo();
            SalesforceConnection current = store.connections().find(connection.name()).orElse(null);
            if (current == null) {
                current = logins.loginUnattended(connection);
            }
            if (!identity.active()) {
                return record(connection, Status.EXPIRED, new SalesforceError("inactive_user", "user is inactive"), syncs);
            }
            store.connections().save(new SalesforceConnection(current.name(), current.environment(), current.loginUrl(), current.instanceUrl(),
                    current.clientId(), identity.username(), identity.organizationId(), Status.CONNECTED, null, current.secrets(), null,
                    new SalesforceConnection.Health(null, null, clock.instant(), identity.userId(), connection.login().flow().configName())));
            return fromStore(connection, store.connections().find(connection.name()).orElseThrow(), syncs, true);
        } catch (Logins.NotConnected e) {
            return report(connection, stored.orElse(null), ConnectionState.NEVER_CONNECTED, e.problem(), e.fix(), true);
        } catch (SalesforceException e) {
            return record(connection, statusOf(e, stored.orElse(null)), e.errors().getFirst(), syncs);
        } catch (SfsyncException e) {
            // A secret or key the login needs is missing: the org was not asked, so the stored state stays as it was.
            ConnectionReport old = stored.map(s -> fromStore(connection, s, syncs, false))
                    .orElseGet(() -> report(connection, null, ConnectionState.NEVER_CONNECTED, "", "", false));
            return new ConnectionReport(old.name(), old.environment(), old.state(), "cannot log in: " + e.problem(), old.since(), old.username(),
                    old.orgId(), old.instanceUrl(), old.loginFlow(), e.fix(), false);
        }
    }

    private Status statusOf(SalesforceException e, SalesforceConnection stored) {
        String code = e.errorCode();
        if (e.httpStatus() == 0 && code.startsWith("CONNECTION_")) {
            return Status.ERROR;
        }
        if (e instanceof AccessDenied || code.startsWith("API_")) {
            return Status.NO_API_ACCESS;
        }
        if (code.equals("invalid_grant") && e.errors().getFirst().message().contains("expired access/refresh token")) {
            // Refresh tokens are valid until revoked unless the app's policy sets an expiry, so a refused one was almost always revoked.
            return Status.REVOKED;
        }
        return e.kind() == dev.sfsync.salesforce.error.ErrorKind.SERVER || e.kind() == dev.sfsync.salesforce.error.ErrorKind.TRANSIENT
                ? Status.ERROR : Status.EXPIRED;
    }

    private ConnectionReport record(ConnectionConfig connection, Status status, SalesforceError error, Collection<String> syncs) {
        String why;
        String fix;
        if (status == Status.NO_API_ACCESS) {
            why = "the login works, but the API refuses it (" + error.code() + ": " + error.message() + "): the user's profile or permission"
                    + " sets lack API Enabled, or the org's edition has no API";
            fix = "an admin grants API Enabled (Setup > Profiles > the user's profile > Administrative Permissions, or a permission set)";
        } else if (status == Status.ERROR) {
            why = "Salesforce could not be reached: " + error.code() + " " + error.message();
            fix = "check the network and login_url of connection '" + connection.name() + "', then run 'sfsync connections' again";
        } else if (status == Status.REVOKED) {
            why = "its refresh token was revoked at Salesforce (an admin revoked the app under Connected Apps OAuth Usage, someone ran"
                    + " 'sfsync disconnect' elsewhere, or a 6th login of this user to the app dropped it), or it expired under the app's refresh"
                    + " token policy (invalid_grant: " + error.message() + ")";
            fix = "sfsync reconnect " + connection.name();
        } else {
            OAuthAdvice.Advice advice = OAuthAdvice.of(error, connection.name());
            why = advice.reason() + " (" + error.code() + (error.message().isBlank() ? "" : ": " + error.message()) + ")";
            fix = advice.fix();
        }
        if (store.connections().find(connection.name()).isPresent()) {
            store.connections().recordCheck(connection.name(), status, why + FIX_SEPARATOR + fix);
            return fromStore(connection, store.connections().find(connection.name()).orElseThrow(), syncs, status != Status.ERROR);
        }
        return report(connection, null, stateOf(status), why, fix, true);
    }

    private ConnectionReport fromStore(ConnectionConfig connection, SalesforceConnection stored, Collection<String> syncs, boolean checked) {
        String message = stored.statusMessage();
        String why = message == null ? null : message.contains(FIX_SEPARATOR) ? message.substring(0, message.indexOf(FIX_SEPARATOR)) : message;
        String fix = message != null && message.contains(FIX_SEPARATOR) ? message.substring(message.indexOf(FIX_SEPARATOR) + FIX_SEPARATOR.length()) : null;
        ConnectionState state = stateOf(stored.status());
        if (state == ConnectionState.DISCONNECTED && fix == null) {
            fix = "sfsync reconnect " + connection.name();
        }
        if (state == ConnectionState.CONNECTED) {
            Optional<String> stale = staleness(connection, stored, syncs, checked);
            if (stale.isPresent()) {
                state = ConnectionState.STALE;
                why = stale.get();
                fix = "sfsync doctor " + connection.name() + " (then 'sfsync runs' for the failing sync's errors)";
            } else {
                why = checked ? "checked now: the login works and the API answers" : "as last seen" + (stored.health().checkedAt() == null ? ""
                        : " at " + stored.health().checkedAt()) + " (not checked now)";
                fix = null;
            }
        }
        return report(connection, stored, state, why, fix, checked);
    }

    /** Stale: the login works, but the syncs through it have not succeeded for longer than stale_after (the seed's "stuck"). */
    private Optional<String> staleness(ConnectionConfig connection, SalesforceConnection stored, Collection<String> syncs, boolean checked) {
        Instant limit = clock.instant().minus(connection.staleAfter());
        Instant lastSuccess = null;
        Run lastRun = null;
        for (String sync : syncs) {
            for (Run run : store.runs().recent(SyncId.of(sync), 50)) {
                if (lastRun == null || run.startedAt().isAfter(lastRun.startedAt())) {
                    lastRun = run;
                }
                boolean succeeded = run.status() == Run.Status.SUCCEEDED || run.status() == Run.Status.PARTIAL;
                Instant end = run.finishedAt() == null ? run.startedAt() : run.finishedAt();
                if (succeeded && (lastSuccess == null || end.isAfter(lastSuccess))) {
                    lastSuccess = end;
                }
            }
        }
        if (lastRun != null && (lastSuccess == null || lastSuccess.isBefore(limit)) && lastRun.startedAt().isAfter(lastSuccess == null ? Instant.MIN : lastSuccess)) {
            return Optional.of("no sync through it succeeded " + (lastSuccess == null ? "yet" : "since " + lastSuccess) + " (stale after "
                    + connection.staleAfter().toHours() + " h); the last run, of " + lastRun.sync().value() + ", ended " + lastRun.status()
                    + (lastRun.message() == null ? "" : ": " + lastRun.message().lines().findFirst().orElse("")));
        }
        Instant lastOk = stored.health().lastOkAt();
        if (!checked && lastOk != null && lastOk.isBefore(limit)) {
            return Optional.of("nothing confirmed the login since " + lastOk + " (stale after " + connection.staleAfter().toHours() + " h)");
        }
        return Optional.empty();
    }

    static ConnectionState stateOf(Status status) {
        return switch (status) {
            case CONNECTED -> ConnectionState.CONNECTED;
            // The seed's card: "'Token expired' usually means the refresh token itself was revoked"; Disconnected is the user's own doing.
            case EXPIRED, REVOKED -> ConnectionState.TOKEN_EXPIRED;
            case DISCONNECTED -> ConnectionState.DISCONNECTED;
            case NO_API_ACCESS -> ConnectionState.NO_API_ACCESS;
            case ERROR -> ConnectionState.UNREACHABLE;
        };
    }

    private static ConnectionReport report(ConnectionConfig connection, SalesforceConnection stored, ConnectionState state, String why, String fix,
                                           boolean checked) {
        return new ConnectionReport(connection.name(), connection.environment().name().toLowerCase(java.util.Locale.ROOT), state, why,
                stored == null ? null : stored.health().statusSince(), stored == null ? null : stored.username(),
                stored == null ? null : stored.orgId(), stored == null ? null : stored.instanceUrl(), connection.login().flow().configName(), fix, checked);
    }
}
