package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.engine.inbound.InboundApi;
import dev.sfsync.engine.twoway.ConflictRule;
import dev.sfsync.engine.twoway.TwoWayMapping;
import dev.sfsync.engine.twoway.TwoWaySyncDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code two_way:} section: tables paired with objects, each mapped field flowing one way or both. */
final class TwoWaySyncReader {
    private static final Set<String> KEYS = Set.of("connection", "object", "source", "table", "key", "id_column", "match", "conflict",
            "updated_at_column", "mappings", "api");
    private static final Set<String> MATCH_KEYS = Set.of("column", "field");
    private static final Set<String> MAPPING_KEYS = Set.of("column", "field", "direction");

    private final YamlFields fields;

    TwoWaySyncReader(YamlFields fields) {
        this.fields = fields;
    }

    Map<String, TwoWaySyncDefinition> read(JsonNode root, Map<String, SourceConfig> sources, Map<String, ConnectionConfig> connections,
                                           Set<String> takenNames) {
        Map<String, TwoWaySyncDefinition> syncs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields.namedSections(root, "two_way", "two-way sync")) {
            String path = "two_way." + entry.getKey();
            if (takenNames.contains(entry.getKey())) {
                fields.problem(path, "another sync is already named '" + entry.getKey() + "'", "give each sync its own name");
                continue;
            }
            readSync(entry.getKey(), path, entry.getValue(), sources, connections).ifPresent(s -> syncs.put(s.name(), s));
        }
        return syncs;
    }

    private Optional<TwoWaySyncDefinition> readSync(String name, String path, JsonNode def, Map<String, SourceConfig> sources,
                                                    Map<String, ConnectionConfig> connections) {
        int before = fields.problems().size();
        fields.onlyKeys(def, path, KEYS);
        InboundSyncReader names = new InboundSyncReader(fields);
        Optional<String> connection = names.defaulted(def, "connection", path, connections.keySet(), "connection under 'connections:'");
        Optional<String> source = names.defaulted(def, "source", path, sources.keySet(), "source under 'sources:'");
        Optional<String> object = fields.text(def, "object", path, "name the Salesforce object, e.g. 'object: Contact'");
        Optional<String> table = fields.text(def, "table", path, "name the table whose rows pair with records, e.g. 'table: crm_contacts'");
        Optional<String> key = fields.text(def, "key", path, "name the table's primary key column, e.g. 'key: id'");
        String idColumn = fields.text(def, "id_column", path, null).orElse("salesforce_id");
        JsonNode match = def.path("match");
        Optional<String> matchColumn = Optional.empty();
        Optional<String> matchField = Optional.empty();
        if (!match.isObject()) {
            fields.problem(path + ".match", "missing: how rows find their records before sfsync stored their Id",
                    "write 'match: {column: email, field: Email}' (emails, without regard to case) or an external ID field");
        } else {
            fields.onlyKeys(match, path + ".match", MATCH_KEYS);
            matchColumn = fields.text(match, "column", path + ".match", "name the table column holding the match value");
            matchField = fields.text(match, "field", path + ".match", "name the Salesforce field: Email or an external ID field");
        }
        ConflictRule conflict = fields.choice(def, "conflict", path, ConflictRule.class, ConflictRule.SALESFORCE_WINS).orElse(ConflictRule.SALESFORCE_WINS);
        Optional<String> updatedAt = fields.text(def, "updated_at_column", path, null);
        if (conflict == ConflictRule.LATEST_WINS && updatedAt.isEmpty()) {
            fields.problem(path + ".updated_at_column", "latest_wins needs to know when each row changed",
                    "name the table's modification-time column, e.g. 'updated_at_column: updated_at'");
        }
        List<TwoWayMapping> mappings = readMappings(def, path);
        InboundApi api = fields.choice(def, "api", path, InboundApi.class, InboundApi.AUTO).orElse(InboundApi.AUTO);
        if (api == InboundApi.BULK1) {
            fields.problem(path + ".api", "bulk1 (PK chunking) is for an inbound sync's initial read; a two-way sync reads every record each run",
                    "write 'api: auto' (REST pages for small objects, Bulk API 2.0 from " + InboundApi.BULK_THRESHOLD + " records), 'rest' or 'bulk2'");
        }
        if (fields.problems().size() > before || connection.isEmpty() || source.isEmpty() || object.isEmpty() || table.isEmpty() || key.isEmpty()
                || matchColumn.isEmpty() || matchField.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new TwoWaySyncDefinition(name, connection.get(), object.get(), source.get(), table.get(), key.get(), idColumn,
                matchColumn.get(), matchField.get(), conflict, updatedAt, mappings, api));
    }

    private List<TwoWayMapping> readMappings(JsonNode def, String path) {
        JsonNode node = def.path("mappings");
        List<TwoWayMapping> mappings = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            fields.problem(path + ".mappings", "a two-way sync must map at least one field", "add '- {column: first_name, field: FirstName, direction: both}'");
            return mappings;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + ".mappings[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                fields.problem(itemPath, "must be a mapping", "write '- {column: first_name, field: FirstName, direction: both}'");
                continue;
            }
            fields.onlyKeys(item, itemPath, MAPPING_KEYS);
            Optional<String> column = fields.text(item, "column", itemPath, "name the table column");
            Optional<String> field = fields.text(item, "field", itemPath, "name the Salesforce field");
            Optional<TwoWayMapping.Direction> direction = fields.choice(item, "direction", itemPath, TwoWayMapping.Direction.class,
                    TwoWayMapping.Direction.BOTH);
            if (column.isPresent() && field.isPresent() && direction.isPresent()) {
                if (!seen.add(field.get().toLowerCase(Locale.ROOT))) {
                    fields.problem(itemPath + ".field", field.get() + " is mapped twice", "map each field once");
                } else {
                    mappings.add(new TwoWayMapping(column.get(), field.get(), direction.get()));
                }
            }
        }
        return mappings;
    }
}
