package dev.sfsync.salesforce.auth;

import java.util.function.UnaryOperator;

/**
 * How a session gets new tokens once Salesforce refused the ones it holds. Several processes (runs, the server, the
 * CLI) may hold copies of one connection's grant: with refresh token rotation, the first to refresh invalidates the
 * others' refresh token. An implementation that shares the grant lets one of them refresh and the others adopt the
 * result, instead of a thundering herd that logs each other out.
 */
@FunctionalInterface
public interface TokenRenewal {
    /** Each session renews on its own: right when nothing else holds the grant. */
    TokenRenewal DIRECT = (rejected, obtain) -> obtain.apply(rejected);

    /**
     * @param rejected the tokens Salesforce refused (null before the first login)
     * @param obtain   asks the token endpoint, given the newest tokens known (their refresh token is the one used)
     * @return tokens to use from now on: obtained, or adopted from whoever renewed first
     */
    OAuthTokens renew(OAuthTokens rejected, UnaryOperator<OAuthTokens> obtain);
}
