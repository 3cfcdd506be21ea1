package dev.sfsync.engine.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a connection logs in, from a connection's {@code login:} in sfsync.yaml.
 * <ul>
 *   <li>{@code web_server} (default): a person logs in in the browser (OAuth web-server flow with PKCE); the refresh
 *       token is kept, encrypted, so runs stay connected.</li>
 *   <li>{@code jwt_bearer}: unattended; a JWT signed with {@code private_key} (a {@code ${file:...}} reference) for
 *       {@code username}, who must be pre-authorised in the connected app. Nothing is stored but the access token.</li>
 *   <li>{@code client_credentials}: unattended; the app's secret, acting as its run-as user (My Domain login URL).</li>
 *   <li>{@code password}: username and password, for the emulator and development orgs; it gets no refresh token,
 *       so it lasts one session.</li>
 * </ul>
 */
public record LoginConfig(Flow flow, Optional<String> username, Optional<SecretRef> privateKey, int callbackPort) {
    public static final int DEFAULT_CALLBACK_PORT = 1717;
    public static final LoginConfig WEB_SERVER = new LoginConfig(Flow.WEB_SERVER, Optional.empty(), Optional.empty(), DEFAULT_CALLBACK_PORT);

    public enum Flow {
        WEB_SERVER, JWT_BEARER, CLIENT_CREDENTIALS, PASSWORD;

        /** As sfsync.yaml spells it. */
        public String configName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the connection can get a new access token by itself, without a person. */
        public boolean renewsAlone() {
            return this != PASSWORD;
        }
    }

    public LoginConfig {
        Objects.requireNonNull(flow, "flow is null");
        Objects.requireNonNull(username, "username is null");
        Objects.requireNonNull(privateKey, "privateKey is null");
    }
}
