package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.ApiVersions;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.oauth.Session;
import dev.sfsync.emulator.org.Permission;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.rest.RestAuth;

/**
 * The checks every Bulk 1.0 call passes, in Salesforce's order: a known version, a live session (the
 * X-SFDC-Session header carries a session id or OAuth access token, bare or after "Bearer "; an Authorization: Bearer
 * header is accepted too), API access, then one
 * request off the daily allowance: each Bulk HTTP request counts as one API call.
 */
final class Bulk1Auth {
    private Bulk1Auth() {
    }

    /** One authenticated Bulk call: who makes it and which API version the URL names. */
    record Caller(Session session, String version) {
        UserAccount user() {
            return session.user();
        }
    }

    static Caller authenticate(OrgHost host, Exchange ex, String version) {
        if (!ApiVersions.supported(version)) {
            throw new AsyncApiException(ExceptionCode.InvalidUrl, "Unsupported API version " + version + " in the URL; use "
                    + ApiVersions.OLDEST + ".0 to " + ApiVersions.newest() + ", e.g. /services/async/" + ApiVersions.newest() + "/job");
        }
        ex.setHeader("Sforce-Limit-Info", host.org().apiUsage().header());
        String token = sessionHeader(ex.header("X-SFDC-Session"));
        if (token == null) {
            token = RestAuth.bearerToken(ex);
        }
        Session session = host.sessions().session(token == null ? null : token.trim()).orElseThrow(AsyncApiException::invalidSession);
        if (!host.org().apiEnabled()) {
            throw new AsyncApiException(ExceptionCode.FeatureNotEnabled, "The API is not enabled for this Organization");
        }
        if (!session.user().profile().has(Permission.ApiEnabled)) {
            throw new AsyncApiException(ExceptionCode.InvalidUser, "User " + session.user().username()
                    + " lacks the API Enabled permission; grant it in the user's profile");
        }
        if (!host.org().apiUsage().tryAcquire()) {
            throw new AsyncApiException(ExceptionCode.ExceededQuota, "TotalRequests Limit exceeded.");
        }
        ex.setHeader("Sforce-Limit-Info", host.org().apiUsage().header());
        return new Caller(session, version);
    }

    /**
     * The session id of an X-SFDC-Session header, with or without a "Bearer " prefix: Data Loader sends
     * "X-SFDC-Session: Bearer ..." on its status polls (Salesforce's docs show the bare id; it takes both).
     */
    static String sessionHeader(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            value = value.substring(7).trim();
        }
        return value.isEmpty() ? null : value;
    }
}
