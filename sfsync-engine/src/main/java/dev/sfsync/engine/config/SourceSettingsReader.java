package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.source.ChangeDetectionMode;
import dev.sfsync.source.SourceConfig;
import dev.sfsync.source.warehouse.WarehouseDialect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a source's change detection and authentication settings, checking what can be checked without connecting:
 * warehouse mode only for warehouses sfsync has a dialect for, a usable state schema name, Snowflake's key pair
 * complete, BigQuery's service-account file present and holding what a service account key holds.
 */
final class SourceSettingsReader {
    /** The keys this reader owns under a source, besides url, user and password. */
    static final Set<String> KEYS = Set.of("change_detection", "state_schema", "private_key_file", "private_key_passphrase",
            "service_account_file", "properties");
    private static final List<String> SERVICE_ACCOUNT_FIELDS = List.of("type", "project_id", "private_key", "client_email");

    private final YamlFields fields;
    private final Path directory;

    SourceSettingsReader(YamlFields fields, Path directory) {
        this.fields = fields;
        this.directory = directory;
    }

    SourceSettings read(JsonNode def, String path, String url, boolean hasPassword, boolean hasUser) {
        ChangeDetectionMode mode = fields.choice(def, "change_detection", path, ChangeDetectionMode.class, ChangeDetectionMode.LOCAL)
                .orElse(ChangeDetectionMode.LOCAL);
        Optional<String> schema = fields.text(def, "state_schema", path, null);
        if (mode == ChangeDetectionMode.WAREHOUSE && WarehouseDialect.forUrl(url).isEmpty()) {
            fields.problem(path + ".change_detection", "sfsync can diff inside " + String.join(", ", WarehouseDialect.supported())
                    + " only, and this URL is none of them", "set change_detection: local (the rows are then diffed in sfsync's own DuckDB)");
        }
        if (schema.isPresent() && !schema.get().matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            fields.problem(path + ".state_schema", "'" + schema.get() + "' is not a plain schema name",
                    "use letters, digits and '_', starting with a letter, e.g. sfsync_state");
        }
        if (schema.isPresent() && mode == ChangeDetectionMode.LOCAL) {
            fields.problem(path + ".state_schema", "state_schema only applies when the warehouse diffs",
                    "add 'change_detection: warehouse', or remove state_schema");
        }
        Map<String, SecretRef> properties = new LinkedHashMap<>(driverProperties(def, path));
        String lowerUrl = url.toLowerCase(Locale.ROOT);
        if (lowerUrl.startsWith("jdbc:snowflake:")) {
            snowflake(def, path, hasPassword, hasUser, properties);
        } else if (def.has("private_key_file") || def.has("private_key_passphrase")) {
            fields.problem(path + ".private_key_file", "key-pair settings are for Snowflake sources", "remove them, or point url at Snowflake");
        }
        if (lowerUrl.startsWith("jdbc:bigquery:")) {
            bigQuery(def, path, url, properties);
        } else if (def.has("service_account_file")) {
            fields.problem(path + ".service_account_file", "a service-account file is for BigQuery sources", "remove it, or point url at BigQuery");
        }
        return new SourceSettings(mode, schema.orElse(SourceConfig.DEFAULT_STATE_SCHEMA), properties);
    }

    private Map<String, SecretRef> driverProperties(JsonNode def, String path) {
        Map<String, SecretRef> properties = new LinkedHashMap<>();
        JsonNode node = def.path("properties");
        if (node.isMissingNode() || node.isNull()) {
            return properties;
        }
        if (!node.isObject()) {
            fields.problem(path + ".properties", "must be a mapping of driver property names to values", "write e.g. 'properties: {warehouse: SYNC_WH}'");
            return properties;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isValueNode()) {
                fields.problem(path + ".properties." + entry.getKey(), "must be a text or number", "give the driver property one value");
                continue;
            }
            String value = entry.getValue().asText();
            properties.put(entry.getKey(), SecretRef.parse(value).orElse(new SecretRef(SecretRef.Kind.PLAIN, value)));
        }
        return properties;
    }

    /** Key pair (private_key_file, optionally a passphrase) or a password, with a user either way. */
    private void snowflake(JsonNode def, String path, boolean hasPassword, boolean hasUser, Map<String, SecretRef> properties) {
        Optional<String> keyFile = fields.text(def, "private_key_file", path, null);
        Optional<SecretRef> passphrase = fields.secret(def, "private_key_passphrase", path);
        if (!hasUser) {
            fields.problem(path + ".user", "Snowflake needs the user to log in as", "set user: to the Snowflake user (e.g. SFSYNC)");
        }
        if (keyFile.isPresent() && hasPassword) {
            fields.problem(path + ".password", "both a password and a key pair are set", "keep one: key-pair auth (private_key_file) is Snowflake's recommendation");
        } else if (keyFile.isEmpty() && !hasPassword) {
            fields.problem(path + ".private_key_file", "Snowflake needs key-pair auth or a password",
                    "set private_key_file: to the PEM private key (and private_key_passphrase: ${env:...} if it is encrypted), or password: ${env:...}");
        }
        if (passphrase.isPresent() && keyFile.isEmpty()) {
            fields.problem(path + ".private_key_passphrase", "a passphrase without a private key", "set private_key_file: too");
        }
        keyFile.ifPresent(file -> {
            Path key = file(file);
            if (!Files.isRegularFile(key)) {
                fields.problem(path + ".private_key_file", "no file " + key, "point it at the PEM private key whose public key is set on the Snowflake user");
            }
            properties.put("private_key_file", new SecretRef(SecretRef.Kind.PLAIN, key.toString()));
            properties.put("authenticator", new SecretRef(SecretRef.Kind.PLAIN, "SNOWFLAKE_JWT"));
        });
        passphrase.ifPresent(secret -> properties.put("private_key_file_pwd", secret));
    }

    /** A service-account key file, unless the URL names another OAuthType (e.g. application default credentials). */
    private void bigQuery(JsonNode def, String path, String url, Map<String, SecretRef> properties) {
        Optional<String> file = fields.text(def, "service_account_file", path, null);
        if (file.isEmpty()) {
            if (!url.contains("OAuthType=")) {
                fields.problem(path + ".service_account_file", "BigQuery needs credentials",
                        "set service_account_file: to the service account's JSON key, or put OAuthType=3 in the URL for application default credentials");
            }
            return;
        }
        Path key = file(file.get());
        try {
            JsonNode json = new ObjectMapper().readTree(Files.readString(key));
            List<String> missing = SERVICE_ACCOUNT_FIELDS.stream().filter(f -> json.path(f).asText("").isBlank()).toList();
            if (!missing.isEmpty() || !"service_account".equals(json.path("type").asText())) {
                fields.problem(path + ".service_account_file", key + " is not a service-account key (missing or wrong: "
                        + (missing.isEmpty() ? "type" : String.join(", ", missing)) + ")",
                        "download a JSON key for the service account (IAM > Service accounts > Keys > Add key > JSON)");
                return;
            }
            properties.put("OAuthType", new SecretRef(SecretRef.Kind.PLAIN, "0"));
            properties.put("OAuthServiceAcctEmail", new SecretRef(SecretRef.Kind.PLAIN, json.path("client_email").asText()));
            properties.put("OAuthPvtKeyPath", new SecretRef(SecretRef.Kind.PLAIN, key.toString()));
        } catch (IOException e) {
            fields.problem(path + ".service_account_file", "cannot read " + key + " as JSON (" + e.getClass().getSimpleName() + ")",
                    "point it at the service account's JSON key file");
        }
    }

    /** A key file's path, plain or as ${file:...}, relative to the project directory. */
    private Path file(String value) {
        String name = SecretRef.parse(value).map(SecretRef::name).orElse(value);
        return directory.resolve(name).toAbsolutePath().normalize();
    }
}
