package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.UserAccount;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens one org has issued: access tokens (expiring after the org's TTL), refresh tokens (valid until revoked)
 * and one-time authorization codes of the web-server flow.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Salesforce's limit of approvals (refresh tokens) per user per connected app. */
    public static final int APPROVALS_PER_USER_AND_APP = 5;

    /** A refresh token; revoking it also ends the access tokens issued from it. */
    public record RefreshGrant(String token, UserAccount user, ConnectedApp app, String scope) {
    }

    /** An authorization code waiting to be exchanged; PKCE's challenge is kept to check the verifier. */
    public record AuthorizationCode(String code, UserAccount user, ConnectedApp app, String redirectUri, String scope,
                                    String codeChallenge, String codeChallengeMethod, Instant expiresAt) {
    }

    private final Org org;
    private final Map<String, Session> access = new ConcurrentHashMap<>();
    /** In the order issued, so that the oldest grant of a user and app is the one a sixth approval drops. */
    private final Map<String, RefreshGrant> refresh = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final Map<String, AuthorizationCode> codes = new ConcurrentHashMap<>();
    /** Codes that were once issued and are gone (redeemed or expired): Salesforce calls those expired, not invalid. */
    private final Set<String> spentCodes = ConcurrentHashMap.newKeySet();
    /** "clientId userId" of every user who allowed an app on the consent page; the JWT bearer flow needs it. */
    private final Set<String> approvals = ConcurrentHashMap.newKeySet();

    public Sessions(Org org) {
        this.org = org;
    }

    public Session issue(UserAccount user, ConnectedApp app, String scope, String refreshToken) {
        Instant now = org.clock().instant();
        String token = org.id().substring(0, 15) + "!" + random(72);
        Session session = new Session(token, user, app, scope, now, now.plus(org.accessTokenTtl()), refreshToken);
        access.put(token, session);
        return session;
    }

    /**
     * A new approval. Salesforce keeps at most {@value #APPROVALS_PER_USER_AND_APP} per user and app: a sixth revokes
     * the oldest, whose holder then gets invalid_grant on its next refresh.
     */
    public RefreshGrant issueRefresh(UserAccount user, ConnectedApp app, String scope) {
        RefreshGrant grant = new RefreshGrant("5Aep" + random(80), user, app, scope);
        synchronized (refresh) {
            List<String> same = refresh.values().stream().filter(g -> g.user().id().equals(user.id()) && g.app().clientId().equals(app.clientId()))
                    .map(RefreshGrant::token).toList();
            for (int i = 0; i <= same.size() - APPROVALS_PER_USER_AND_APP; i++) {
                revoke(same.get(i));
            }
            refresh.put(grant.token(), grant);
        }
        return grant;
    }

    /** Refresh token rotation: a new refresh token for the same approval; the one used stops working (its access tokens live on). */
    public RefreshGrant rotate(RefreshGrant used) {
        RefreshGrant next = new RefreshGrant("5Aep" + random(80), used.user(), used.app(), used.scope());
        synchronized (refresh) {
            refresh.remove(used.token());
            refresh.put(next.token(), next);
        }
        return next;
    }

    /**
     * Every token of a user (all apps when {@code clientId} is null), as Setup's Connected Apps OAuth Usage "Revoke" does.
     * Returns how many refresh and access tokens ended.
     */
    public int revokeAll(String username, String clientId) {
        int ended = 0;
        synchronized (refresh) {
            for (RefreshGrant grant : List.copyOf(refresh.values())) {
                if (matches(grant.user(), grant.app(), username, clientId) && revoke(grant.token())) {
                    ended++;
                }
            }
        }
        for (Session session : List.copyOf(access.values())) {
            if (matches(session.user(), session.app(), username, clientId) && access.remove(session.accessToken()) != null) {
                ended++;
            }
        }
        return ended;
    }

    private static boolean matches(UserAccount user, ConnectedApp app, String username, String clientId) {
        return (username == null || user.username().equalsIgnoreCase(username)) && (clientId == null || app == null || app.clientId().equals(clientId));
    }

    public AuthorizationCode issueCode(UserAccount user, ConnectedApp app, String redirectUri, String scope,
                                       String challenge, String method) {
        AuthorizationCode code = new AuthorizationCode("aPrx" + random(60), user, app, redirectUri, scope, challenge, method,
                org.clock().instant().plusSeconds(15 * 60));
        codes.put(code.code(), code);
        return code;
    }

    /** Takes a code out (codes work once); empty when unknown or expired. */
    public Optional<AuthorizationCode> consumeCode(String code) {
        AuthorizationCode found = code == null ? null : codes.remove(code);
        if (found != null) {
            spentCodes.add(code);
        }
        if (found == null || org.clock().instant().isAfter(found.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /** True when this code was issued once and has since been redeemed or has expired. */
    public boolean spent(String code) {
        return code != null && spentCodes.contains(code);
    }

    /** Remembers that the user allowed the app, as the consent page's Allow button does. */
    public void approve(UserAccount user, ConnectedApp app) {
        approvals.add(app.clientId() + " " + user.id());
    }

    public boolean approved(UserAccount user, ConnectedApp app) {
        return approvals.contains(app.clientId() + " " + user.id());
    }

    /** The live session of an access token; empty when unknown, revoked, expired, or its user has been deactivated. */
    public Optional<Session> session(String accessToken) {
        Session session = accessToken == null ? null : access.get(accessToken);
        if (session == null || session.expiredAt(org.clock().instant())
                || !org.user(session.user().username()).map(UserAccount::active).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(session);
    }

    public Optional<RefreshGrant> refreshGrant(String token) {
        return Optional.ofNullable(token == null ? null : refresh.get(token));
    }

    /** Revokes an access or refresh token; a refresh token takes its access tokens with it. True when it existed. */
    public boolean revoke(String token) {
        if (token == null) {
            return false;
        }
        if (access.remove(token) != null) {
            return true;
        }
        if (refresh.remove(token) != null) {
            access.values().removeIf(s -> token.equals(s.refreshToken()));
            return true;
        }
        return false;
    }

    /** Makes every access token expire now, as a session timeout in the middle of a run would. */
    public void expireAllAccessTokens() {
        access.replaceAll((token, s) -> expiredNow(s));
    }

    /** Makes one access token expire now; its refresh token still works. */
    public void expire(String accessToken) {
        if (accessToken != null) {
            access.computeIfPresent(accessToken, (token, s) -> expiredNow(s));
        }
    }

    private Session expiredNow(Session s) {
        return new Session(s.accessToken(), s.user(), s.app(), s.scope(), s.issuedAt(), org.clock().instant(), s.refreshToken());
    }

    public void clear() {
        access.clear();
        refresh.clear();
        codes.clear();
        spentCodes.clear();
        approvals.clear();
    }

    private static String random(int length) {
        byte[] bytes = new byte[length * 3 / 4 + 1];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).substring(0, length).replace('-', '.').replace('_', 'x');
    }
}
