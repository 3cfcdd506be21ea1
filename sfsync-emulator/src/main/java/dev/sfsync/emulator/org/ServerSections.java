package dev.sfsync.emulator.org;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Reads the org file's {@code tls:} and {@code bulk2:} sections: how the org is served rather than what it holds. */
final class ServerSections {
    private static final Set<String> TLS_KEYS = Set.of("enabled", "directory", "keyStore", "keyStorePassword", "certificate", "privateKey");
    private static final Set<String> BULK2_KEYS = Set.of("minProcessingMillis");

    private ServerSections() {
    }

    /** {@code tls: true}, or a mapping naming where the certificate comes from (which also turns TLS on). */
    static TlsOption tls(JsonNode node, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return TlsOption.OFF;
        }
        if (node.isBoolean()) {
            return node.asBoolean() ? new TlsOption(true, TlsOption.defaultDirectory(), null, null, null, null) : TlsOption.OFF;
        }
        SectionChecks checks = new SectionChecks(problems);
        checks.keys(node, TLS_KEYS, "tls");
        if (!node.isObject()) {
            return TlsOption.OFF;
        }
        boolean enabled = node.path("enabled").asBoolean(true);
        Path keyStore = path(node, "keyStore");
        Path certificate = path(node, "certificate");
        Path privateKey = path(node, "privateKey");
        Path directory = path(node, "directory");
        if ((certificate == null) != (privateKey == null)) {
            checks.problem("tls", "certificate and privateKey go together (fix: give both PEM files, or neither for the emulator's own certificate)");
        }
        if (keyStore != null && certificate != null) {
            checks.problem("tls", "keyStore and certificate are two ways to give one certificate (fix: keep one of them)");
        }
        return new TlsOption(enabled, directory == null ? TlsOption.defaultDirectory() : directory, keyStore,
                node.path("keyStorePassword").asText(null), certificate, privateKey);
    }

    static Bulk2Settings bulk2(JsonNode node, List<String> problems) {
        SectionChecks checks = new SectionChecks(problems);
        checks.keys(node, BULK2_KEYS, "bulk2");
        if (!node.isObject()) {
            return Bulk2Settings.DEFAULTS;
        }
        return new Bulk2Settings(checks.whole(node, "minProcessingMillis", "bulk2", 0, 600_000, Bulk2Settings.DEFAULTS.minProcessingMillis()));
    }

    private static Path path(JsonNode node, String key) {
        String text = node.path(key).asText(null);
        return text == null || text.isBlank() ? null : Path.of(text);
    }
}
