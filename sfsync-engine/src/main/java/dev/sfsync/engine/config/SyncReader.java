package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.engine.sync.ApiChoice;
import dev.sfsync.engine.sync.DeleteBehaviour;
import dev.sfsync.engine.sync.FieldMapping;
import dev.sfsync.engine.sync.InsertWithoutKey;
import dev.sfsync.engine.sync.Lookup;
import dev.sfsync.engine.sync.Match;
import dev.sfsync.engine.sync.RetryPolicy;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.engine.sync.SyncMode;
import dev.sfsync.engine.sync.SyncOptions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code syncs:} section: each sync's shape, and the rules between mode, match, delete behaviour and API. */
final class SyncReader {
    private static final Set<String> SYNC_KEYS = Set.of("model", "connection", "object", "mode", "match", "mappings", "lookups",
            "on_delete", "api", "batch_size", "parallelism", "retry", "create_fields",
            "record_type", "concurrency", "merge", "lead", "picklist", "insert_without_key", "schedule",
            "keep_row_outcomes");
    private static final Set<String> MATCH_KEYS = Set.of("column", "field");
    private static final Set<String> MAPPING_KEYS = Set.of("from", "value", "to", "skip_nulls", "only_if_empty");
    private static final Set<String> LOOKUP_KEYS = Set.of("to", "object", "field", "column");
    private static final Set<String> RETRY_KEYS = Set.of("codes", "attempts");
    private static final Pattern API_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final YamlFields fields;

    SyncReader(YamlFields fields) {
        this.fields = fields;
    }

    Map<String, SyncDefinition> read(JsonNode root, Map<String, ModelConfig> models, Map<String, ConnectionConfig> connections) {
        Map<String, SyncDefinition> syncs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields.namedSections(root, "syncs", "sync")) {
            readSync(entry.getKey(), entry.getValue(), models, connections).ifPresent(s -> syncs.put(s.name(), s));
        }
        Map<String, String> picklists = new HashMap<>();
        for (SyncDefinition sync : syncs.values()) {
            sync.options().picklist().ifPresent(p -> {
                String target = (sync.object() + "." + p.field()).toLowerCase(Locale.ROOT);
                String other = picklists.putIfAbsent(target, sync.name());
                if (other != null) {
                    fields.problem("syncs." + sync.name() + ".picklist.field", "syncs " + other + " and " + sync.name() + " both set the values of "
                            + sync.object() + "." + p.field() + "; each replaces all of them, so every run would undo the other's",
                            "keep one sync per picklist field (put all the values in one model)");
                }
            });
        }
        return syncs;
    }

    private Optional<SyncDefinition> readSync(String name, JsonNode def, Map<String, ModelConfig> models,
                                              Map<String, ConnectionConfig> connections) {
        String path = "syncs." + name;
        int before = fields.problems().size();
        fields.onlyKeys(def, path, SYNC_KEYS);
        Optional<String> model = reference(def, "model", path, models.keySet(), "model under 'models:'");
        Optional<String> connection = connections.size() == 1 && !def.has("connection")
                ? Optional.of(connections.keySet().iterator().next())
                : reference(def, "connection", path, connections.keySet(), "connection under 'connections:'");
        Optional<String> object = apiName(def, "object", path, "name the Salesforce object, e.g. 'object: Account'");
        Optional<SyncMode> mode = fields.choice(def, "mode", path, SyncMode.class, null);
        Optional<Match> match = readMatch(def, path, mode.orElse(null));
        List<FieldMapping> mappings = readMappings(def, path, match.orElse(null));
        List<Lookup> lookups = readLookups(def, path, mappings);
        DeleteBehaviour onDelete = readOnDelete(def, path, mode.orElse(null));
        ApiChoice api = fields.choice(def, "api", path, ApiChoice.class, ApiChoice.REST).orElse(ApiChoice.REST);
        int batchSize = readBatchSize(def, path, api);
        int parallelism = fields.integer(def, "parallelism", path, 1, SyncDefinition.MAX_PARALLELISM).orElse(SyncDefinition.DEFAULT_PARALLELISM);
        RetryPolicy retry = readRetry(def, path);
        InsertWithoutKey withoutKey = readInsertWithoutKey(def, path, mode.orElse(null), match.isPresent());
        SyncOptions options = new SyncOptionsReader(fields).read(def, path, api);
        if (def.has("lead")) {
            Optional<dev.sfsync.engine.sync.LeadAlternative> lead = readLead(def.path("lead"), path, object.orElse(null), mode.orElse(null), match.orElse(null), api);
            if (lead.isPresent()) {
                options = options.withLead(lead.get());
            }
        }
        if (options.merge().isPresent()) {
            parallelism = MergeReader.check(fields, def, path, mode.orElse(null), object.orElse(null), parallelism);
        }
        if (mode.isPresent() && mode.get() == SyncMode.ALL) {
            Optional<dev.sfsync.engine.sync.PicklistTarget> picklist = readPicklist(def, path);
            if (picklist.isPresent()) {
                options = options.withPicklist(picklist.get());
            }
        } else if (def.has("picklist")) {
            fields.problem(path + ".picklist", "picklist value syncs run in mode all", "set 'mode: all', or remove picklist");
        }
        if (mode.isPresent() && mode.get() != SyncMode.ARCHIVE && mode.get() != SyncMode.ALL && def.path("mappings").isEmpty()
                && def.path("lookups").isEmpty()) {
            fields.problem(path + ".mappings", "a " + mode.get().configName() + " sync must map at least one field",
                    "add e.g. 'mappings: [{from: name, to: Name}]'");
        }
        if (fields.problems().size() > before || model.isEmpty() || connection.isEmpty() || object.isEmpty() || mode.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SyncDefinition(name, model.get(), connection.get(), object.get(), mode.get(), match, mappings, lookups,
                onDelete, api, batchSize, parallelism, retry, withoutKey, options));
    }

    /** An insert is exactly-once across crashes only with an idempotency key; without one the user chooses what a lost answer means. */
    private InsertWithoutKey readInsertWithoutKey(JsonNode def, String path, SyncMode mode, boolean hasKey) {
        Optional<InsertWithoutKey> choice = def.has("insert_without_key")
                ? fields.choice(def, "insert_without_key", path, InsertWithoutKey.class, null) : Optional.empty();
        if (mode != SyncMode.INSERT || hasKey) {
            if (def.has("insert_without_key")) {
                fields.problem(path + ".insert_without_key", mode == SyncMode.INSERT
                                ? "this insert has an idempotency key (match), so it creates each row once even across crashes"
                                : "only an insert sync without an idempotency key needs it",
                        "remove 'insert_without_key'");
            }
            return null;
        }
        if (choice.isEmpty() && !def.has("insert_without_key")) {
            fields.problem(path + ".match", "this insert sync cannot be exactly-once across crashes: without an idempotency key, a create whose"
                            + " answer was lost (a kill, a dropped connection) cannot be told from one never made",
                    "add 'match: {column: <model key column>, field: <external ID text field, e.g. Sfsync_Key__c>}' (sfsync writes the"
                            + " column into the field and finds records by it after a crash), or accept the risk with"
                            + " 'insert_without_key: at_least_once' (may duplicate) or 'insert_without_key: at_most_once' (may skip)");
        }
        return choice.orElse(null);
    }

    /** A picklist value sync's target: {@code picklist: {field, value, label}}. */
    private Optional<dev.sfsync.engine.sync.PicklistTarget> readPicklist(JsonNode def, String path) {
        JsonNode node = def.path("picklist");
        String at = path + ".picklist";
        if (!node.isObject()) {
            fields.problem(at, node.isMissingNode() ? "a sync in mode all sets a picklist's values, and needs to know which" : "must be a mapping",
                    "add 'picklist: {field: Tier__c, value: <column of API names>, label: <column of labels>}'");
            return Optional.empty();
        }
        fields.onlyKeys(node, at, Set.of("field", "value", "label"));
        if (def.has("match") || def.has("mappings") || def.has("lookups")) {
            fields.problem(path, "a picklist value sync matches values by their API name and maps only a label", "remove match, mappings and lookups");
        }
        Optional<String> field = apiName(node, "field", at, "name the picklist field, e.g. field: Tier__c");
        String value = fields.text(node, "value", at, null).orElse("value");
        String label = fields.text(node, "label", at, null).orElse(null);
        return field.map(f -> new dev.sfsync.engine.sync.PicklistTarget(f, value, label));
    }

    /** The Lead half of a multi-object sync: {@code lead: {field, mappings, create}}. */
    private Optional<dev.sfsync.engine.sync.LeadAlternative> readLead(JsonNode node, String path, String object, SyncMode mode, Match match,
                                                                       ApiChoice api) {
        String at = path + ".lead";
        if (!node.isObject()) {
            fields.problem(at, "must be a mapping", "write 'lead: {field: <Lead external ID field>, mappings: [...]}'");
            return Optional.empty();
        }
        fields.onlyKeys(node, at, Set.of("field", "mappings", "create"));
        if (object != null && !object.equalsIgnoreCase("Contact") && !object.equalsIgnoreCase("Account")) {
            fields.problem(at, "multi-object syncs write Contact or Lead, or Account or Lead, not " + object + " or Lead",
                    "set 'object: Contact' or 'object: Account', or remove lead");
        }
        if (mode != null && mode != SyncMode.UPSERT && mode != SyncMode.UPDATE) {
            fields.problem(at, "a multi-object sync finds each row's record on both objects, so it runs in upsert or update mode, not " + mode.configName(),
                    "set mode: upsert (or update, to change existing records only)");
        }
        if (match == null || match.bySalesforceId()) {
            fields.problem(at, "a multi-object sync matches on an external ID field that both objects have", "set 'match: {column: ..., field: <external ID>}'");
        }
        if (api != ApiChoice.REST) {
            fields.problem(path + ".api", "multi-object syncs write through the REST API (each chunk is routed to Contact, Account or Lead first)",
                    "remove api, or set api: rest");
        }
        Optional<String> field = apiName(node, "field", at, "name the Lead's external ID field that holds the match values, e.g. field: External_Id__c");
        List<FieldMapping> mappings = readMappings(node, at, field.map(f -> new Match(match == null ? "" : match.column(), f)).orElse(null));
        boolean create = node.has("create") && SyncOptionsReader.flag(fields, node, "create", at);
        return field.map(f -> new dev.sfsync.engine.sync.LeadAlternative(f, mappings, create));
    }

    private Optional<String> reference(JsonNode def, String key, String path, Set<String> names, String what) {
        Optional<String> value = fields.text(def, key, path, names.isEmpty() ? "define a " + what + " and name it here" : "name one of " + String.join(", ", names));
        if (value.isPresent() && !names.contains(value.get())) {
            fields.problem(path + "." + key, "no " + key + " named '" + value.get() + "'", NearestName.fix(value.get(), names, what));
            return Optional.empty();
        }
        return value;
    }

    private Optional<String> apiName(JsonNode def, String key, String path, String fixWhenMissing) {
        Optional<String> value = fields.text(def, key, path, fixWhenMissing);
        if (value.isPresent() && !API_NAME.matcher(value.get()).matches()) {
            fields.problem(path + "." + key, "'" + value.get() + "' is not a Salesforce API name",
                    "use the API name (letters, digits, underscores), e.g. 'Account' or 'Invoice__c', not the label");
            return Optional.empty();
        }
        return value;
    }

    private Optional<Match> readMatch(JsonNode def, String path, SyncMode mode) {
        JsonNode node = def.path("match");
        String matchPath = path + ".match";
        if (node.isMissingNode() || node.isNull()) {
            if (mode != null && mode != SyncMode.INSERT && mode != SyncMode.ALL) {
                fields.problem(matchPath, "a " + mode.configName() + " sync needs a match: how rows find their records",
                        "add 'match: {column: <model column>, field: <external ID field>}'"
                                + (mode == SyncMode.UPSERT ? "" : " (or field: Id when the column holds Salesforce Ids)"));
            }
            return Optional.empty();
        }
        if (!node.isObject()) {
            fields.problem(matchPath, "must be a mapping with column and field", "write 'match: {column: account_key, field: External_Key__c}'");
            return Optional.empty();
        }
        fields.onlyKeys(node, matchPath, MATCH_KEYS);
        Optional<String> column = fields.text(node, "column", matchPath, "name the model column that holds the key");
        Optional<String> field = apiName(node, "field", matchPath, "name the object's external ID field (or Id)");
        if (column.isEmpty() || field.isEmpty()) {
            return Optional.empty();
        }
        Match match = new Match(column.get(), field.get());
        if (mode == SyncMode.INSERT && match.bySalesforceId()) {
            fields.problem(matchPath + ".field", "an insert's match is its idempotency key, written into each new record; Id cannot be written",
                    "name an external ID text field (e.g. Sfsync_Key__c), or remove 'match' and set 'insert_without_key'");
        } else if (mode == SyncMode.UPSERT && match.bySalesforceId()) {
            fields.problem(matchPath + ".field", "upsert cannot match on Id: rows without a record have no Id yet, so nothing could be created",
                    "match on an external ID field (create one, unique + external ID, if the object has none), or use mode: update");
        }
        return Optional.of(match);
    }

    private List<FieldMapping> readMappings(JsonNode def, String path, Match match) {
        JsonNode node = def.path("mappings");
        List<FieldMapping> mappings = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return mappings;
        }
        if (!node.isArray()) {
            fields.problem(path + ".mappings", "must be a list", "write one '- {from: column, to: Field}' per line");
            return mappings;
        }
        Map<String, String> targets = new HashMap<>();
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + ".mappings[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                fields.problem(itemPath, "must be a mapping like {from: column, to: Field}", "write '- {from: name, to: Name}'");
                continue;
            }
            fields.onlyKeys(item, itemPath, MAPPING_KEYS);
            Optional<String> to = apiName(item, "to", itemPath, "name the Salesforce field to set");
            boolean hasFrom = item.has("from");
            boolean hasValue = item.has("value");
            if (hasFrom == hasValue) {
                fields.problem(itemPath, hasFrom ? "has both 'from' and 'value'" : "needs 'from' (a model column) or 'value' (a constant)",
                        "keep exactly one of them");
                continue;
            }
            Optional<FieldMapping.Source> source = hasFrom
                    ? fields.text(item, "from", itemPath, "name the model column").map(FieldMapping.Column::new)
                    : Optional.of(new FieldMapping.Constant(constant(item.get("value"), itemPath + ".value")));
            if (to.isEmpty() || source.isEmpty()) {
                continue;
            }
            String key = to.get().toLowerCase(Locale.ROOT);
            if (targets.containsKey(key)) {
                fields.problem(itemPath + ".to", to.get() + " is already set by " + targets.get(key), "map each field once");
                continue;
            }
            if (match != null && match.field().equalsIgnoreCase(to.get())) {
                fields.problem(itemPath + ".to", to.get() + " is the match field; sfsync sends it from match.column already",
                        "remove this mapping");
                continue;
            }
            targets.put(key, itemPath);
            boolean skipNulls = SyncOptionsReader.flag(fields, item, "skip_nulls", itemPath);
            boolean onlyIfEmpty = SyncOptionsReader.flag(fields, item, "only_if_empty", itemPath);
            mappings.add(new FieldMapping(source.get(), to.get(), skipNulls, onlyIfEmpty));
        }
        return mappings;
    }

    private Object constant(JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return items;
        }
        if (!value.isValueNode()) {
            fields.problem(path, "must be a single value or a list (for multi-select picklists)", "write e.g. 'value: Website'");
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isNumber() ? value.decimalValue() : value.asText();
    }

    private List<Lookup> readLookups(JsonNode def, String path, List<FieldMapping> mappings) {
        JsonNode node = def.path("lookups");
        List<Lookup> lookups = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return lookups;
        }
        if (!node.isArray()) {
            fields.problem(path + ".lookups", "must be a list", "write '- {to: AccountId, object: Account, field: External_Key__c, column: account_key}'");
            return lookups;
        }
        Set<String> mapped = new LinkedHashSet<>();
        mappings.forEach(m -> mapped.add(m.field().toLowerCase(Locale.ROOT)));
        for (int i = 0; i < node.size(); i++) {
            String itemPath = path + ".lookups[" + i + "]";
            JsonNode item = node.get(i);
            if (!item.isObject()) {
                fields.problem(itemPath, "must be a mapping", "write '- {to: AccountId, object: Account, field: External_Key__c, column: account_key}'");
                continue;
            }
            fields.onlyKeys(item, itemPath, LOOKUP_KEYS);
            Optional<String> to = apiName(item, "to", itemPath, "name the reference field to fill, e.g. AccountId");
            Optional<String> object = apiName(item, "object", itemPath, "name the object to look in, e.g. Account");
            Optional<String> field = apiName(item, "field", itemPath, "name the unique field to find the record by, e.g. External_Key__c");
            Optional<String> column = fields.text(item, "column", itemPath, "name the model column holding that field's value");
            if (to.isEmpty() || object.isEmpty() || field.isEmpty() || column.isEmpty()) {
                continue;
            }
            if (!mapped.add(to.get().toLowerCase(Locale.ROOT))) {
                fields.problem(itemPath + ".to", to.get() + " is set twice (by a mapping or another lookup)", "set each field once");
                continue;
            }
            lookups.add(new Lookup(to.get(), object.get(), field.get(), column.get()));
        }
        return lookups;
    }

    private DeleteBehaviour readOnDelete(JsonNode def, String path, SyncMode mode) {
        Optional<DeleteBehaviour> chosen = fields.choice(def, "on_delete", path, DeleteBehaviour.class, DeleteBehaviour.NOTHING);
        DeleteBehaviour behaviour = chosen.orElse(DeleteBehaviour.NOTHING);
        if (mode == null || behaviour == DeleteBehaviour.NOTHING) {
            return behaviour;
        }
        boolean allowed = switch (mode) {
            case UPSERT -> true;
            case UPDATE -> behaviour == DeleteBehaviour.CLEAR_FIELDS;
            case INSERT, ARCHIVE, ALL -> false;
        };
        if (!allowed) {
            String fix = switch (mode) {
                case UPDATE -> "update syncs may use 'nothing' or 'clear_fields'; use mode: upsert to delete records";
                case INSERT -> "insert syncs never touch records again; remove on_delete or use mode: upsert";
                case ALL -> "picklist value syncs deactivate the values that leave the model; remove on_delete";
                default -> "archive syncs delete the records their rows match; remove on_delete";
            };
            fields.problem(path + ".on_delete", "'" + behaviour.configName() + "' is not possible in " + mode.configName() + " mode", fix);
        }
        return behaviour;
    }

    private int readBatchSize(JsonNode def, String path, ApiChoice api) {
        if (!api.hasBatchSize()) {
            if (def.has("batch_size")) {
                fields.problem(path + ".batch_size", "Bulk API 2.0 jobs are split by upload size, not by a record count",
                        "remove batch_size, or use api: bulk1 for fixed batches");
            }
            return 0;
        }
        return fields.integer(def, "batch_size", path, api.minBatchSize(), api.maxBatchSize()).orElse(api.defaultBatchSize());
    }

    private RetryPolicy readRetry(JsonNode def, String path) {
        JsonNode node = def.path("retry");
        if (node.isMissingNode() || node.isNull()) {
            return RetryPolicy.DEFAULT;
        }
        String retryPath = path + ".retry";
        if (!node.isObject()) {
            fields.problem(retryPath, "must be a mapping", "write 'retry: {codes: [UNABLE_TO_LOCK_ROW], attempts: 3}'");
            return RetryPolicy.DEFAULT;
        }
        fields.onlyKeys(node, retryPath, RETRY_KEYS);
        List<String> codes = node.has("codes") ? fields.textList(node, "codes", retryPath, "list Salesforce error codes, e.g. [UNABLE_TO_LOCK_ROW]")
                : List.copyOf(RetryPolicy.DEFAULT.codes());
        for (String code : codes) {
            if (!code.matches("[A-Z][A-Z0-9_]*")) {
                fields.problem(retryPath + ".codes", "'" + code + "' is not a Salesforce error code", "error codes are upper case, e.g. UNABLE_TO_LOCK_ROW");
            }
        }
        int attempts = fields.integer(node, "attempts", retryPath, 0, 10).orElse(RetryPolicy.DEFAULT.attempts());
        return new RetryPolicy(Set.copyOf(codes), attempts);
    }
}
