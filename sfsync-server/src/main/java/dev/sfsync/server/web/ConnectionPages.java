package dev.sfsync.server.web;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.config.LoginConfig;
import dev.sfsync.engine.connection.ConnectionCheck;
import dev.sfsync.engine.connection.ConnectionReport;
import dev.sfsync.engine.connection.Logins;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.salesforce.rest.OrgLimit;
import dev.sfsync.server.ServerContext;
import dev.sfsync.store.SalesforceConnection;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Settings → Connections: a card per connection with its state, and Connect / Reconnect (OAuth web-server flow with
 * PKCE, the callback on this server), Check now and Disconnect (revoke at Salesforce, then forget).
 */
final class ConnectionPages {
    private static final Duration QUOTA_AGE = Duration.ofMinutes(5);

    private record Reading(OrgLimit limit, Instant at) {
    }

    private final ServerContext server;
    private final Logins logins;
    private final OAuthLogins oauth;
    private final Templates templates;
    private final Frames frames;
    private final Clock clock;
    private final String publicUrl;
    private final Map<String, Reading> quotas = new ConcurrentHashMap<>();

    ConnectionPages(ServerContext server, Logins logins, OAuthLogins oauth, Templates templates, Frames frames, Clock clock, String publicUrl) {
        this.server = server;
        this.logins = logins;
        this.oauth = oauth;
        this.templates = templates;
        this.frames = frames;
        this.clock = clock;
        this.publicUrl = publicUrl;
    }

    void list(Context ctx, Viewer viewer) {
        show(ctx, viewer, ctx.queryParam("notice"), null);
    }

    private void show(Context ctx, Viewer viewer, String notice, String checkedNow) {
        List<ConnectionCard> cards = server.config().connections().values().stream()
                .map(c -> card(c, check(c, c.name().equals(checkedNow)))).toList();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, "Connections", "connections", notice));
        params.put("cards", cards);
        params.put("callback", serverUrl(ctx) + OAuthLogins.CALLBACK_PATH);
        templates.page(ctx, "connections.jte", params);
    }

    private ConnectionReport check(ConnectionConfig connection, boolean live) {
        return new ConnectionCheck(server.store(), logins, clock).check(connection, syncsOf(connection.name()), live);
    }

    private List<String> syncsOf(String connection) {
        return server.config().syncs().values().stream().filter(s -> s.connection().equals(connection)).map(s -> s.name()).toList();
    }

    private ConnectionCard card(ConnectionConfig config, ConnectionReport report) {
        Optional<SalesforceConnection> stored = server.store().connections().find(config.name());
        boolean usable = report.state().usable();
        return new ConnectionCard(config.name(), report.environment(), report.state().label(), report.why(), report.fix(), report.since(),
                stored.map(s -> s.health().checkedAt()).orElse(null), report.username(), report.orgId(), report.instanceUrl(), report.loginFlow(),
                usable ? quota(config.name(), false) : new ConnectionCard.Quota(0, 0, "shown once the connection works"), usable);
    }

    private ConnectionCard.Quota quota(String connection, boolean fresh) {
        Reading reading = quotas.get(connection);
        if (fresh || reading == null || reading.at().isBefore(clock.instant().minus(QUOTA_AGE))) {
            try {
                Optional<OrgLimit> limit = server.limits().of(connection);
                if (limit.isEmpty()) {
                    return new ConnectionCard.Quota(0, 0, "Salesforce did not report the daily API limit");
                }
                reading = new Reading(limit.get(), clock.instant());
                quotas.put(connection, reading);
                server.metrics().quotaRemaining(connection, limit.get().remaining());
            } catch (RuntimeException e) {
                return new ConnectionCard.Quota(0, 0, "could not read the org's limits: " + e.getMessage());
            }
        }
        return new ConnectionCard.Quota(reading.limit().max() - reading.limit().remaining(), reading.limit().max(), null);
    }

    void checkNow(Context ctx, Viewer viewer) {
        ConnectionConfig connection = connection(ctx);
        ConnectionReport report = check(connection, true);
        if (report.state().usable()) {
            quota(connection.name(), true);
        }
        show(ctx, viewer, "Checked '" + connection.name() + "' now: " + report.state().label() + ".", connection.name());
    }

    void connect(Context ctx, Viewer viewer) {
        ConnectionConfig connection = connection(ctx);
        LoginConfig.Flow flow = connection.login().flow();
        if (flow == LoginConfig.Flow.JWT_BEARER || flow == LoginConfig.Flow.CLIENT_CREDENTIALS) {
            logins.loginUnattended(connection);
            ctx.redirect("/ui/connections?notice=" + encode("Connected '" + connection.name() + "' (" + flow.configName() + ")."), HttpStatus.SEE_OTHER);
            return;
        }
        if (flow == LoginConfig.Flow.PASSWORD) {
            throw new WebProblem(409, "connection '" + connection.name() + "' logs in with a username and password, which the browser cannot do for it",
                    "run 'sfsync connect " + connection.name() + " --username USER --password PASSWORD' on the server, or set login: web_server");
        }
        ctx.redirect(oauth.begin(connection, serverUrl(ctx), viewer.user().name()), HttpStatus.SEE_OTHER);
    }

    /** Salesforce's redirect back: public (the state is the credential), then a page that moves on to the cards. */
    void callback(Context ctx) {
        Map<String, String> params = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.getFirst()));
        String name = oauth.connectionOf(params.get("state")).orElse("the connection");
        String notice;
        try {
            OAuthLogins.Completed done = oauth.complete(params);
            ConnectionReport report = check(done.connection(), true);
            notice = report.state().usable() ? "Connected '" + name + "'" + (report.username() == null ? "" : " as " + report.username()) + "."
                    : "Logged in to '" + name + "', but it is " + report.state().label() + ": " + report.why() + " Fix: " + report.fix();
        } catch (SalesforceException e) {
            notice = "Salesforce refused the login of '" + name + "': " + e.errorCode() + " " + e.getMessage()
                    + ". Fix: check the connected app (its callback URL must be " + serverUrl(ctx) + OAuthLogins.CALLBACK_PATH + "), then Connect again.";
        } catch (WebProblem e) {
            notice = e.problem() + ". Fix: " + e.fix() + ".";
        }
        // A page, not a redirect: the browser arrives from Salesforce's site, and a same-site step brings the session cookie along again.
        String target = "/ui/connections?notice=" + encode(notice);
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(templates.render("moving.jte", Map.of("target", target,
                "message", notice)));
    }

    void confirmDisconnect(Context ctx, Viewer viewer) {
        ConnectionConfig connection = connection(ctx);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, "Disconnect " + connection.name(), "connections", null));
        params.put("name", connection.name());
        params.put("username", server.store().connections().find(connection.name()).map(SalesforceConnection::username).orElse(null));
        templates.page(ctx, "disconnect.jte", params);
    }

    void disconnect(Context ctx, Viewer viewer) {
        ConnectionConfig connection = connection(ctx);
        Optional<SalesforceConnection> stored = server.store().connections().find(connection.name());
        if (stored.isEmpty() || stored.get().status() == SalesforceConnection.Status.DISCONNECTED) {
            ctx.redirect("/ui/connections?notice=" + encode("'" + connection.name() + "' holds no login: nothing to disconnect."), HttpStatus.SEE_OTHER);
            return;
        }
        String remote;
        try (SalesforceClient client = logins.client(connection, ExchangeListener.NONE)) {
            client.disconnect();
            remote = "Salesforce revoked its tokens.";
        } catch (SalesforceException e) {
            remote = e.errorCode().equals("invalid_token") ? "Salesforce no longer knew its token (already revoked or expired)."
                    : "Salesforce could not revoke its tokens (" + e.errorCode() + "); revoke them under Setup > Connected Apps OAuth Usage.";
        } catch (RuntimeException e) {
            remote = "its tokens could not be revoked at Salesforce (" + e.getMessage() + "); revoke them under Setup > Connected Apps OAuth Usage.";
        }
        server.store().connections().forget(connection.name());
        quotas.remove(connection.name());
        ctx.redirect("/ui/connections?notice=" + encode("Disconnected '" + connection.name() + "': " + remote
                + " Syncs through it stop until you reconnect; runs and history stay."), HttpStatus.SEE_OTHER);
    }

    private ConnectionConfig connection(Context ctx) {
        String name = ctx.pathParam("connection");
        ConnectionConfig connection = server.config().connections().get(name);
        if (connection == null) {
            throw WebProblem.notFound("sfsync.yaml has no connection '" + name + "'", "pick one on the Connections page");
        }
        return connection;
    }

    /** The address the browser reaches this server at: --public-url when given, else the request's own. */
    private String serverUrl(Context ctx) {
        if (publicUrl != null) {
            return publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        }
        return ctx.scheme() + "://" + ctx.host();
    }

    static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
