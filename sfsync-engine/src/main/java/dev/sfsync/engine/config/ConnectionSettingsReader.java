package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.limits.QuotaReserve;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A connection's login, quota and staleness settings; every wrong value becomes a located problem with a fix. */
final class ConnectionSettingsReader {
    private static final Set<String> LOGIN_KEYS = Set.of("flow", "username", "private_key", "callback_port");
    private static final Set<String> QUOTA_KEYS = Set.of("reserve");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([mhd])");

    private final YamlFields fields;

    ConnectionSettingsReader(YamlFields fields) {
        this.fields = fields;
    }

    /** {@code login: jwt_bearer} or {@code login: {flow: jwt_bearer, username: ..., private_key: ${file:...}}}. */
    LoginConfig login(JsonNode connection, String path, boolean hasClientSecret) {
        JsonNode login = connection.path("login");
        String at = path + ".login";
        if (login.isMissingNode() || login.isNull()) {
            return LoginConfig.WEB_SERVER;
        }
        Optional<LoginConfig.Flow> flow;
        Optional<String> username = Optional.empty();
        Optional<SecretRef> privateKey = Optional.empty();
        int port = LoginConfig.DEFAULT_CALLBACK_PORT;
        if (login.isObject()) {
            fields.onlyKeys(login, at, LOGIN_KEYS);
            flow = fields.choice(login, "flow", at, LoginConfig.Flow.class, LoginConfig.Flow.WEB_SERVER);
            username = fields.text(login, "username", at, null);
            privateKey = fields.secret(login, "private_key", at);
            port = fields.integer(login, "callback_port", at, 1, 65_535).orElse(port);
        } else {
            flow = fields.choice(connection, "login", path, LoginConfig.Flow.class, LoginConfig.Flow.WEB_SERVER);
        }
        if (flow.isEmpty()) {
            return LoginConfig.WEB_SERVER;
        }
        if (flow.get() == LoginConfig.Flow.JWT_BEARER) {
            if (username.isEmpty()) {
                fields.problem(at + ".username", "the jwt_bearer login needs the user it logs in as", "set username: integration@yourcompany.com");
            }
            if (privateKey.isEmpty() && login.path("private_key").isMissingNode()) {
                fields.problem(at + ".private_key", "the jwt_bearer login needs the private key whose certificate the connected app holds",
                        "set private_key: ${file:secrets/server.key} (a PEM file, PKCS#8 or PKCS#1)");
            }
        }
        if (flow.get() == LoginConfig.Flow.CLIENT_CREDENTIALS && !hasClientSecret) {
            fields.problem(path + ".client_secret", "the client_credentials login needs the connected app's secret",
                    "set client_secret: ${env:SF_CLIENT_SECRET}");
        }
        return new LoginConfig(flow.get(), username, privateKey, port);
    }

    /** {@code quota: {reserve: 20%}} or {@code {reserve: 5000}} requests; 10 % when not set. */
    QuotaReserve reserve(JsonNode connection, String path) {
        JsonNode quota = connection.path("quota");
        if (quota.isMissingNode() || quota.isNull()) {
            return ConnectionConfig.DEFAULT_RESERVE;
        }
        String at = path + ".quota";
        if (!quota.isObject()) {
            fields.problem(at, "quota must be a mapping", "write quota: {reserve: 20%} or quota: {reserve: 5000}");
            return ConnectionConfig.DEFAULT_RESERVE;
        }
        fields.onlyKeys(quota, at, QUOTA_KEYS);
        JsonNode reserve = quota.path("reserve");
        if (reserve.isMissingNode() || reserve.isNull()) {
            return ConnectionConfig.DEFAULT_RESERVE;
        }
        if (reserve.isIntegralNumber() && reserve.asLong() >= 0) {
            return QuotaReserve.requests(reserve.asLong());
        }
        Matcher percent = PERCENT.matcher(reserve.asText().trim());
        if (percent.matches() && Double.parseDouble(percent.group(1)) <= 100) {
            return QuotaReserve.percent(Double.parseDouble(percent.group(1)));
        }
        fields.problem(at + ".reserve", "'" + reserve.asText() + "' is not a reserve",
                "write a share of the daily API requests (reserve: 20%) or a number of requests (reserve: 5000)");
        return ConnectionConfig.DEFAULT_RESERVE;
    }

    /** {@code stale_after: 90m}, {@code 2h} or {@code 1d}; 24 hours when not set. */
    Duration staleAfter(JsonNode connection, String path) {
        Optional<String> text = fields.text(connection, "stale_after", path, null);
        if (text.isEmpty()) {
            return ConnectionConfig.DEFAULT_STALE_AFTER;
        }
        Matcher m = DURATION.matcher(text.get());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            fields.problem(path + ".stale_after", "'" + text.get() + "' is not a duration", "write minutes, hours or days, e.g. 90m, 2h or 1d");
            return ConnectionConfig.DEFAULT_STALE_AFTER;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
