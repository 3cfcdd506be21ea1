package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.ApiVersions;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.oauth.Session;
import dev.sfsync.emulator.org.Permission;

/**
 * The checks every API call passes before it does anything, in Salesforce's order: a known version, a live
 * session, API access for the org and the user, then one request off the daily allowance.
 */
public final class RestAuth {
    private RestAuth() {
    }

    public static ApiContext authenticate(OrgHost host, Exchange exchange, String version) {
        return authenticate(host, exchange, version, bearerToken(exchange));
    }

    /** The same checks for a session id sent another way (the SOAP APIs send it in a SessionHeader). */
    public static ApiContext authenticate(OrgHost host, Exchange exchange, String version, String sessionId) {
        if (!ApiVersions.supported(version)) {
            throw ApiException.notFound();
        }
        exchange.setHeader("Sforce-Limit-Info", host.org().apiUsage().header());
        Session session = host.sessions().session(sessionId).orElseThrow(ApiException::invalidSession);
        if (!host.org().apiEnabled()) {
            throw new ApiException(403, "API_DISABLED_FOR_ORG", "The REST API is not enabled for this Organization.");
        }
        if (!session.user().profile().has(Permission.ApiEnabled)) {
            throw new ApiException(403, "API_DISABLED_FOR_ORG", "API is not enabled for this Organization or Partner");
        }
        if (exchange.countsAsApiCall() && !host.org().apiUsage().tryAcquire()) {
            throw new ApiException(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
        }
        exchange.setHeader("Sforce-Limit-Info", host.org().apiUsage().header());
        return new ApiContext(host, session, version);
    }

    /** The token of an "Authorization: Bearer …" (or the older "OAuth …") header; null when absent. */
    public static String bearerToken(Exchange exchange) {
        String header = exchange.header("Authorization");
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = trimmed.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("OAuth")) {
            return null;
        }
        return trimmed.substring(space + 1).trim();
    }
}
