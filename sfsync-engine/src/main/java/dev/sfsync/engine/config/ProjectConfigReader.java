package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.engine.inbound.InboundSyncDefinition;
import dev.sfsync.engine.sync.SyncDefinition;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a project's {@code sfsync.yaml} into a {@link ProjectConfig}, checking it statically: shape, types,
 * allowed values, names that refer to each other, secrets only as references. Needs no network; checks against the
 * org's describe are a separate step. Every problem is collected, with line, column and a fix.
 */
public final class ProjectConfigReader {
    public static final String FILE_NAME = "sfsync.yaml";
    /** Used when a project declares no source: a DuckDB file next to sfsync.yaml. */
    public static final String DEFAULT_SOURCE = "warehouse";

    private static final Set<String> TOP_LEVEL = Set.of("version", "sources", "connections", "models", "syncs", "inbound", "two_way",
            "sequences", "alerts", "retention");
    private static final Set<String> SOURCE_KEYS = union(Set.of("url", "user", "password"), SourceSettingsReader.KEYS);
    private static final Set<String> CONNECTION_KEYS = Set.of("environment", "login_url", "client_id", "client_secret", "api_version",
            "login", "quota", "stale_after");
    private static final Set<String> MODEL_KEYS = Set.of("source", "sql", "sql_file", "primary_key", "dbt");

    public ConfigResult read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            return read(directory, FILE_NAME, new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return new ConfigResult(Optional.empty(), List.of(new ConfigProblem(FILE_NAME, 0, 0, "(file)",
                    "no " + FILE_NAME + " in " + directory.toAbsolutePath(), "run 'sfsync init' there, or pass --project DIR")));
        } catch (IOException e) {
            return new ConfigResult(Optional.empty(), List.of(new ConfigProblem(FILE_NAME, 0, 0, "(file)",
                    "cannot read " + file + ": " + e.getMessage(), "check the file's permissions")));
        }
    }

    /**
     * Locates problems found later (against the org's describe) in the project file as it is now; problems are left
     * unlocated when the file cannot be read.
     */
    public ProblemLocator locator(Path directory) {
        try {
            return LocatedYaml.parse(FILE_NAME, new StringReader(Files.readString(directory.resolve(FILE_NAME), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return ProblemLocator.unlocated(FILE_NAME);
        }
    }

    public ConfigResult read(Path directory, String fileName, Reader reader) {
        LocatedYaml yaml = LocatedYaml.parse(fileName, reader);
        YamlFields fields = new YamlFields(yaml);
        JsonNode root = yaml.root();
        if (!root.isObject()) {
            fields.problem("(file)", "the file must be a mapping with sources, connections, models and syncs", "see 'sfsync init' for an example");
            return new ConfigResult(Optional.empty(), fields.problems());
        }
        fields.onlyKeys(root, "", TOP_LEVEL);
        fields.integer(root, "version", "", 1, 1);

        Map<String, SourceConfig> sources = readSources(root, fields, directory);
        Map<String, ConnectionConfig> connections = readConnections(root, fields);
        Map<String, ModelConfig> models = readModels(root, fields, directory, sources);
        Map<String, SyncDefinition> syncs = new SyncReader(fields).read(root, models, connections);
        Map<String, InboundSyncDefinition> inbound = new InboundSyncReader(fields).read(root, sources, connections, syncs.keySet());
        java.util.Set<String> taken = new java.util.HashSet<>(syncs.keySet());
        taken.addAll(inbound.keySet());
        Map<String, dev.sfsync.engine.twoway.TwoWaySyncDefinition> twoWay = new TwoWaySyncReader(fields).read(root, sources, connections, taken);
        if (syncs.isEmpty() && fields.problems().isEmpty() && root.path("syncs").isMissingNode() && root.path("inbound").isMissingNode()
                && root.path("two_way").isMissingNode()) {
            fields.problem("syncs", "no syncs are defined", "add a 'syncs:' section (see 'sfsync init' for an example)");
        }
        ServiceConfig service = new ServiceReader(fields).read(root, fieldNames(root.path("syncs")));
        ProjectConfig config = new ProjectConfig(directory, sources, connections, models, syncs,
                new CreateFieldsReader(fields).read(root, syncs), inbound, twoWay, service);
        return new ConfigResult(fields.problems().isEmpty() ? Optional.of(config) : Optional.empty(), fields.problems());
    }

    private static Set<String> fieldNames(JsonNode section) {
        Set<String> names = new java.util.LinkedHashSet<>();
        section.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Map<String, SourceConfig> readSources(JsonNode root, YamlFields fields, Path directory) {
        Map<String, SourceConfig> sources = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields.namedSections(root, "sources", "source")) {
            String path = "sources." + entry.getKey();
            JsonNode def = entry.getValue();
            fields.onlyKeys(def, path, SOURCE_KEYS);
            Optional<String> url = fields.text(def, "url", path, "give the JDBC URL, e.g. 'jdbc:duckdb:warehouse.duckdb' or 'jdbc:postgresql://host/db'");
            if (url.isPresent() && !url.get().startsWith("jdbc:")) {
                fields.problem(path + ".url", "'" + url.get() + "' is not a JDBC URL", "JDBC URLs start with 'jdbc:', e.g. 'jdbc:duckdb:warehouse.duckdb'");
            }
            Optional<SecretRef> user = fields.secretOrPlain(def, "user", path);
            Optional<SecretRef> password = fields.secret(def, "password", path);
            url.ifPresent(u -> sources.put(entry.getKey(), new SourceConfig(entry.getKey(), u, user, password,
                    new SourceSettingsReader(fields, directory).read(def, path, u, password.isPresent(), user.isPresent()))));
        }
        if (sources.isEmpty() && root.path("sources").isMissingNode()) {
            sources.put(DEFAULT_SOURCE, new SourceConfig(DEFAULT_SOURCE, "jdbc:duckdb:" + DEFAULT_SOURCE + ".duckdb", Optional.empty(), Optional.empty()));
        }
        return sources;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static Map<String, ConnectionConfig> readConnections(JsonNode root, YamlFields fields) {
        Map<String, ConnectionConfig> connections = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields.namedSections(root, "connections", "connection")) {
            String path = "connections." + entry.getKey();
            JsonNode def = entry.getValue();
            fields.onlyKeys(def, path, CONNECTION_KEYS);
            Optional<ConnectionConfig.Environment> environment = fields.choice(def, "environment", path,
                    ConnectionConfig.Environment.class, ConnectionConfig.Environment.PRODUCTION);
            Optional<String> loginUrl = fields.text(def, "login_url", path, null);
            if (loginUrl.isPresent() && !loginUrl.get().matches("https?://[^\\s/]+(/.*)?")) {
                fields.problem(path + ".login_url", "'" + loginUrl.get() + "' is not an http(s) URL", "e.g. 'https://mycompany.my.salesforce.com'");
            } else if (loginUrl.isPresent() && PlainHttp.beyondLoopback(loginUrl.get())) {
                fields.problem(path + ".login_url", "'" + loginUrl.get() + "' is plain http to another machine: passwords, client secrets and"
                        + " tokens would cross the network unencrypted", "use https (plain http is for an emulator on this machine: localhost, 127.0.0.1)");
            }
            if (environment.orElse(null) == ConnectionConfig.Environment.CUSTOM && loginUrl.isEmpty()) {
                fields.problem(path + ".login_url", "a custom environment needs its login URL", "set login_url, e.g. 'https://mycompany.my.salesforce.com'");
            }
            Optional<String> clientId = fields.text(def, "client_id", path, "set the connected app's consumer key (client_id)");
            Optional<SecretRef> clientSecret = fields.secret(def, "client_secret", path);
            Optional<String> apiVersion = fields.text(def, "api_version", path, null);
            if (apiVersion.isPresent() && !apiVersion.get().matches("\\d{2}\\.0")) {
                fields.problem(path + ".api_version", "'" + apiVersion.get() + "' is not an API version", "write it like '62.0', or leave it out to use the newest the org offers");
            }
            if (environment.isPresent() && clientId.isPresent()) {
                String url = loginUrl.orElseGet(() -> environment.get().defaultLoginUrl().orElse(""));
                ConnectionSettingsReader settings = new ConnectionSettingsReader(fields);
                connections.put(entry.getKey(), new ConnectionConfig(entry.getKey(), environment.get(), url, clientId.get(), clientSecret, apiVersion,
                        settings.login(def, path, clientSecret.isPresent()), settings.reserve(def, path), settings.staleAfter(def, path)));
            }
        }
        return connections;
    }

    private static Map<String, ModelConfig> readModels(JsonNode root, YamlFields fields, Path directory, Map<String, SourceConfig> sources) {
        Map<String, ModelConfig> models = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields.namedSections(root, "models", "model")) {
            String path = "models." + entry.getKey();
            JsonNode def = entry.getValue();
            fields.onlyKeys(def, path, MODEL_KEYS);
            Optional<String> source = fields.text(def, "source", path, null);
            if (source.isEmpty() && sources.size() == 1) {
                source = Optional.of(sources.keySet().iterator().next());
            } else if (source.isEmpty()) {
                fields.problem(path + ".source", "missing, and the project has " + sources.size() + " sources", "name one of " + String.join(", ", sources.keySet()));
            } else if (!sources.containsKey(source.get())) {
                fields.problem(path + ".source", "no source named '" + source.get() + "'", NearestName.fix(source.get(), sources.keySet(), "source under 'sources:'"));
                source = Optional.empty();
            }
            Optional<dev.sfsync.engine.dbt.DbtModel> dbt = def.has("dbt") ? new DbtModelReader(fields, directory).read(def, path) : Optional.empty();
            Optional<String> sql = def.has("dbt") ? dbt.map(dev.sfsync.engine.dbt.DbtModel::sql) : readSql(def, path, fields, directory);
            List<String> primaryKey = primaryKey(def, path, fields, dbt);
            if (source.isPresent() && sql.isPresent() && !primaryKey.isEmpty()) {
                models.put(entry.getKey(), new ModelConfig(entry.getKey(), source.get(), sql.get(), primaryKey));
            }
        }
        return models;
    }

    /** A dbt model's unique key unless primary_key overrides it; otherwise primary_key, required. */
    private static List<String> primaryKey(JsonNode def, String path, YamlFields fields, Optional<dev.sfsync.engine.dbt.DbtModel> dbt) {
        if (def.has("dbt") && !def.has("primary_key")) {
            if (dbt.isEmpty()) {
                return List.of();
            }
            if (!dbt.get().uniqueKey().isEmpty()) {
                return dbt.get().uniqueKey();
            }
        }
        return fields.textList(def, "primary_key", path, def.has("dbt")
                ? "the dbt model declares no unique key: add a unique test (or a primary_key constraint) to it in dbt, or name the column here"
                : "name the column (or list of columns) that identifies a row, e.g. 'primary_key: account_id'");
    }

    private static Optional<String> readSql(JsonNode def, String path, YamlFields fields, Path directory) {
        boolean inline = def.has("sql");
        boolean file = def.has("sql_file");
        if (inline && file) {
            fields.problem(path + ".sql_file", "both sql and sql_file are set", "keep one: the query inline (sql) or in a file (sql_file)");
            return Optional.empty();
        }
        if (!file) {
            return fields.text(def, "sql", path, "write the model's query, e.g. 'sql: select * from accounts', or point sql_file at a .sql file");
        }
        Optional<String> name = fields.text(def, "sql_file", path, null);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path sqlFile = directory.resolve(name.get());
        try {
            String sql = Files.readString(sqlFile, StandardCharsets.UTF_8);
            if (sql.isBlank()) {
                fields.problem(path + ".sql_file", name.get() + " is empty", "write the model's query in it");
                return Optional.empty();
            }
            return Optional.of(sql.strip());
        } catch (IOException e) {
            fields.problem(path + ".sql_file", "cannot read " + name.get() + " (" + e.getClass().getSimpleName() + ")",
                    "the path is relative to the directory of " + FILE_NAME + "; check it exists");
            return Optional.empty();
        }
    }
}
