package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.engine.inbound.InboundApi;
import dev.sfsync.engine.inbound.InboundSyncDefinition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code inbound:} section: Salesforce objects copied into tables of the project's sources. */
final class InboundSyncReader {
    private static final Set<String> KEYS = Set.of("connection", "object", "source", "table", "fields", "filter", "include_deleted", "api", "id_range_size",
            "lookback_seconds", "pk_chunk_size");
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final YamlFields fields;

    InboundSyncReader(YamlFields fields) {
        this.fields = fields;
    }

    Map<String, InboundSyncDefinition> read(JsonNode root, Map<String, SourceConfig> sources, Map<String, ConnectionConfig> connections,
                                            Set<String> outboundNames) {
        Map<String, InboundSyncDefinition> syncs = new LinkedHashMap<>();
        Set<String> tables = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> entry : fields.namedSections(root, "inbound", "inbound sync")) {
            String path = "inbound." + entry.getKey();
            if (outboundNames.contains(entry.getKey())) {
                fields.problem(path, "a sync under 'syncs:' is already named '" + entry.getKey() + "'",
                        "give each sync its own name: 'sfsync run NAME' must know which one to run");
                continue;
            }
            readSync(entry.getKey(), path, entry.getValue(), sources, connections).ifPresent(sync -> {
                if (!tables.add(sync.source() + "." + sync.table().toLowerCase(Locale.ROOT))) {
                    fields.problem(path + ".table", "another inbound sync already writes " + sync.table() + " in source " + sync.source(),
                            "give each inbound sync its own table");
                } else {
                    syncs.put(sync.name(), sync);
                }
            });
        }
        return syncs;
    }

    private Optional<InboundSyncDefinition> readSync(String name, String path, JsonNode def, Map<String, SourceConfig> sources,
                                                     Map<String, ConnectionConfig> connections) {
        int before = fields.problems().size();
        fields.onlyKeys(def, path, KEYS);
        Optional<String> connection = defaulted(def, "connection", path, connections.keySet(), "connection under 'connections:'");
        Optional<String> source = defaulted(def, "source", path, sources.keySet(), "source under 'sources:'");
        Optional<String> object = fields.text(def, "object", path, "name the Salesforce object to copy, e.g. 'object: Contact'");
        if (object.isPresent() && !API_NAME.matcher(object.get()).matches()) {
            fields.problem(path + ".object", "'" + object.get() + "' is not a Salesforce API name", "use the API name, e.g. 'Contact' or 'Invoice__c'");
        }
        Optional<String> table = fields.text(def, "table", path, "name the table to fill, e.g. 'table: salesforce_contacts'");
        if (table.isPresent() && !TABLE.matcher(table.get()).matches()) {
            fields.problem(path + ".table", "'" + table.get() + "' is not a plain table name",
                    "use letters, digits and underscores, optionally after a schema: 'salesforce.contacts'");
        }
        List<String> wanted = readFields(def, path);
        Optional<String> filter = fields.text(def, "filter", path, null);
        if (filter.isPresent() && filter.get().strip().toUpperCase(Locale.ROOT).startsWith("WHERE ")) {
            fields.problem(path + ".filter", "the filter starts with WHERE", "write the condition alone, e.g. \"filter: LeadSource = 'Web'\"");
        }
        boolean includeDeleted = bool(def, "include_deleted", path);
        InboundApi api = fields.choice(def, "api", path, InboundApi.class, InboundApi.AUTO).orElse(InboundApi.AUTO);
        Duration lookback = fields.integer(def, "lookback_seconds", path, 0, 86_400).map(s -> Duration.ofSeconds(s))
                .orElse(InboundSyncDefinition.DEFAULT_LOOKBACK);
        int idRangeSize = fields.integer(def, "id_range_size", path, 1_000, 100_000_000).orElse(InboundSyncDefinition.DEFAULT_ID_RANGE_SIZE);
        int pkChunkSize = fields.integer(def, "pk_chunk_size", path, 1, 250_000).orElse(InboundSyncDefinition.DEFAULT_PK_CHUNK_SIZE);
        if (fields.problems().size() > before || connection.isEmpty() || source.isEmpty() || object.isEmpty() || table.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InboundSyncDefinition(name, connection.get(), object.get(), source.get(), table.get(), wanted, filter,
                includeDeleted, api, lookback, idRangeSize, pkChunkSize));
    }

    /** A project with one connection (or source) needs not name it. */
    Optional<String> defaulted(JsonNode def, String key, String path, Set<String> names, String what) {
        if (!def.has(key) && names.size() == 1) {
            return Optional.of(names.iterator().next());
        }
        Optional<String> value = fields.text(def, key, path, names.isEmpty() ? "define a " + what + " and name it here"
                : "name one of " + String.join(", ", names));
        if (value.isPresent() && !names.contains(value.get())) {
            fields.problem(path + "." + key, "no " + key + " named '" + value.get() + "'", NearestName.fix(value.get(), names, what));
            return Optional.empty();
        }
        return value;
    }

    /** 'all' (the default) or a list of field API names; Id, SystemModstamp and IsDeleted are always brought. */
    private List<String> readFields(JsonNode def, String path) {
        JsonNode node = def.path("fields");
        if (node.isMissingNode() || node.isNull() || (node.isTextual() && node.asText().strip().equalsIgnoreCase("all"))) {
            return List.of();
        }
        List<String> names = fields.textList(def, "fields", path, null);
        List<String> wanted = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!API_NAME.matcher(name).matches()) {
                fields.problem(path + ".fields", "'" + name + "' is not a field API name", "list API names, e.g. [Email, FirstName, LastName], or write 'all'");
            } else if (seen.add(name.toLowerCase(Locale.ROOT))) {
                wanted.add(name);
            }
        }
        if (names.isEmpty()) {
            fields.problem(path + ".fields", "must be 'all' or a list of fields", "write 'fields: all' or 'fields: [Email, FirstName, LastName]'");
        }
        return wanted;
    }

    private boolean bool(JsonNode def, String key, String path) {
        JsonNode value = def.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            fields.problem(path + "." + key, "must be true or false", "write '" + key + ": true' or leave it out (false)");
            return false;
        }
        return value.booleanValue();
    }
}
