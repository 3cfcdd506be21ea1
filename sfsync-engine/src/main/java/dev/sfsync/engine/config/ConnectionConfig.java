package dev.sfsync.engine.config;

import dev.sfsync.salesforce.limits.QuotaReserve;

import java.time.Duration;
import java.util.Optional;

/**
 * A Salesforce org to log in to: production, sandbox, or a custom login host (My Domain, or a local emulator).
 * Tokens are not here: `sfsync connect` stores them encrypted in the state store.
 *
 * @param login      how it logs in (default: the browser, web-server flow)
 * @param reserve    the share of the org's daily API requests no run may touch (default 10 %, left for other integrations)
 * @param staleAfter a connection whose last successful sync or check is older than this shows as Stale
 */
public record ConnectionConfig(String name, Environment environment, String loginUrl, String clientId,
                               Optional<SecretRef> clientSecret, Optional<String> apiVersion, LoginConfig login, QuotaReserve reserve,
                               Duration staleAfter) {
    public static final QuotaReserve DEFAULT_RESERVE = QuotaReserve.percent(10);
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofHours(24);

    public ConnectionConfig(String name, Environment environment, String loginUrl, String clientId, Optional<SecretRef> clientSecret,
                            Optional<String> apiVersion) {
        this(name, environment, loginUrl, clientId, clientSecret, apiVersion, LoginConfig.WEB_SERVER, DEFAULT_RESERVE, DEFAULT_STALE_AFTER);
    }

    public enum Environment {
        PRODUCTION("https://login.salesforce.com"),
        SANDBOX("https://test.salesforce.com"),
        CUSTOM(null);

        private final String defaultLoginUrl;

        Environment(String defaultLoginUrl) {
            this.defaultLoginUrl = defaultLoginUrl;
        }

        public Optional<String> defaultLoginUrl() {
            return Optional.ofNullable(defaultLoginUrl);
        }
    }
}
