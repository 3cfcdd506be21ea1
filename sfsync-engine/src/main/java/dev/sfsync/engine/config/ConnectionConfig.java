package dev.sfsync.engine.config;

import java.util.Optional;

/**
 * A Salesforce org to log in to: production, sandbox, or a custom login host (My Domain, or a local emulator).
 * Tokens are not here: `sfsync connect` stores them encrypted in the state store.
 */
public record ConnectionConfig(String name, Environment environment, String loginUrl, String clientId,
                               Optional<SecretRef> clientSecret, Optional<String> apiVersion) {

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
