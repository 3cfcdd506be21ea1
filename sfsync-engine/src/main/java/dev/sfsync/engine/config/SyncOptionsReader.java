package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.engine.sync.ApiChoice;
import dev.sfsync.engine.sync.BulkConcurrency;
import dev.sfsync.engine.sync.RecordTypeChoice;
import dev.sfsync.engine.sync.SyncOptions;

import java.util.Optional;
import java.util.Set;

/** A sync's optional settings: {@code record_type}, {@code concurrency} and {@code keep_row_outcomes}. */
final class SyncOptionsReader {
    private final YamlFields fields;

    SyncOptionsReader(YamlFields fields) {
        this.fields = fields;
    }

    SyncOptions read(JsonNode def, String path, ApiChoice api) {
        SyncOptions options = SyncOptions.DEFAULTS;
        Optional<RecordTypeChoice> recordType = recordType(def, path);
        if (recordType.isPresent()) {
            options = options.withRecordType(recordType.get());
        }
        Optional<dev.sfsync.engine.sync.MergeSpec> merge = MergeReader.read(fields, def, path);
        if (merge.isPresent()) {
            options = options.withMerge(merge.get());
        }
        if (def.has("concurrency")) {
            Optional<BulkConcurrency> mode = fields.choice(def, "concurrency", path, BulkConcurrency.class, BulkConcurrency.PARALLEL);
            if (api != ApiChoice.BULK1) {
                fields.problem(path + ".concurrency", "concurrency is a setting of Bulk API 1.0 jobs; this sync uses " + api.configName(),
                        "set 'api: bulk1' to process batches serially, or remove concurrency");
            }
            options = options.withConcurrency(mode.orElse(BulkConcurrency.PARALLEL));
        }
        if (def.has("keep_row_outcomes")) {
            Optional<dev.sfsync.engine.sync.KeepRowOutcomes> keep = fields.choice(def, "keep_row_outcomes", path,
                    dev.sfsync.engine.sync.KeepRowOutcomes.class, null);
            if (keep.isPresent()) {
                options = options.withKeepRowOutcomes(keep.get());
            }
        } else if (options.merge().isPresent() || def.has("lead")) {
            // A merged child's outcome is the one trace of the record it went into, and a multi-object row's record Id
            // tells which object it went to: those syncs keep every row's outcome unless told otherwise.
            options = options.withKeepRowOutcomes(dev.sfsync.engine.sync.KeepRowOutcomes.ALL);
        }
        return options;
    }

    private Optional<RecordTypeChoice> recordType(JsonNode def, String path) {
        JsonNode node = def.path("record_type");
        String at = path + ".record_type";
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isObject()) {
            fields.onlyKeys(node, at, Set.of("from"));
            return fields.text(node, "from", at, "name the model column holding record type developer names, e.g. {from: record_type}")
                    .map(RecordTypeChoice.FromColumn::new);
        }
        Optional<String> name = fields.text(def, "record_type", path, null);
        if (name.isPresent() && !name.get().matches("[A-Za-z][A-Za-z0-9_]*")) {
            fields.problem(at, "'" + name.get() + "' is not a record type developer name",
                    "use the record type's API name (Setup → Object Manager → Record Types → Record Type Name), e.g. 'Partner', not its label");
            return Optional.empty();
        }
        return name.map(RecordTypeChoice.Named::new);
    }

    /** An optional true/false key of a mapping. */
    static boolean flag(YamlFields fields, JsonNode item, String key, String path) {
        JsonNode value = item.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            fields.problem(path + "." + key, "must be true or false, not '" + value.asText() + "'", "write '" + key + ": true'");
            return false;
        }
        return value.booleanValue();
    }
}
