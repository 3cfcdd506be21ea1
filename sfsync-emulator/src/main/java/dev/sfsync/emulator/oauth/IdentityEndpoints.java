package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.ApiVersions;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.org.Permission;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.rest.RestAuth;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * /services/oauth2/userinfo and the identity URL /id/{orgId}/{userId}. Both take the access token as a Bearer header
 * or an access_token/oauth_token parameter, and both fail the identity service's way: a bare error word as plain text
 * (403 Missing_OAuth_Token / Bad_OAuth_Token / Wrong_Org, 404 Bad_Id / Inactive / No_Access), not JSON.
 */
final class IdentityEndpoints {
    private final OrgHost host;
    private final IdentityDocument documents;

    IdentityEndpoints(OrgHost host) {
        this.host = host;
        this.documents = new IdentityDocument(host);
    }

    void userinfo(Exchange exchange) {
        Optional<Session> session = session(exchange);
        if (session.isPresent()) {
            exchange.json(200, documents.userinfo(current(session.get().user())));
        }
    }

    void identity(Exchange exchange, String orgId, String userId) {
        Optional<Session> session = session(exchange);
        if (session.isEmpty()) {
            return;
        }
        if (!sameId(orgId, host.org().id())) {
            plain(exchange, 403, "Wrong_Org");
            return;
        }
        Optional<UserAccount> user = SalesforceIds.normalize(userId).flatMap(host.org()::userById);
        if (user.isEmpty()) {
            plain(exchange, 404, "Bad_Id");
            return;
        }
        // Another user's identity is open only to a token whose user has API access (Salesforce also checks sharing).
        UserAccount viewer = current(session.get().user());
        if (!user.get().id().equals(viewer.id()) && !viewer.profile().has(Permission.ApiEnabled)) {
            plain(exchange, 404, "No_Access");
            return;
        }
        if (!user.get().active()) {
            plain(exchange, 404, "Inactive");
            return;
        }
        exchange.json(200, documents.identity(user.get(), version(exchange)));
    }

    /** The live session of the request's token; otherwise the error has been sent and the result is empty. */
    private Optional<Session> session(Exchange exchange) {
        Map<String, String> params = exchange.method().equals("POST") ? exchange.formParams() : exchange.queryParams();
        String token = RestAuth.bearerToken(exchange);
        if (token == null) {
            token = params.getOrDefault("access_token", params.get("oauth_token"));
        }
        if (token == null || token.isEmpty()) {
            plain(exchange, 403, "Missing_OAuth_Token");
            return Optional.empty();
        }
        Optional<Session> session = host.sessions().session(token);
        if (session.isEmpty()) {
            plain(exchange, 403, "Bad_OAuth_Token");
        }
        return session;
    }

    /** ?version=60.0 fills the {version} placeholders; "latest" means the newest version the org serves. */
    private static String version(Exchange exchange) {
        String version = exchange.queryParam("version").orElse(null);
        if ("latest".equalsIgnoreCase(version)) {
            return ApiVersions.newest();
        }
        return version != null && ApiVersions.supported(version) ? version : null;
    }

    private UserAccount current(UserAccount user) {
        return host.org().user(user.username()).orElse(user);
    }

    private static boolean sameId(String given, String expected) {
        return SalesforceIds.normalize(given).map(expected::equals).orElse(false);
    }

    private static void plain(Exchange exchange, int status, String word) {
        exchange.send(status, "text/plain;charset=UTF-8", word.getBytes(StandardCharsets.UTF_8));
    }
}
