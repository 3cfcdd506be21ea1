package dev.sfsync.engine.sync;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A model synced into one Salesforce object, as the project file declares it (checked statically, not yet against the org). */
public record SyncDefinition(
        String name,
        String model,
        String connection,
        String object,
        SyncMode mode,
        Optional<Match> match,
        List<FieldMapping> mappings,
        List<Lookup> lookups,
        DeleteBehaviour onDelete,
        ApiChoice api,
        int batchSize,
        int parallelism,
        RetryPolicy retry,
        SyncOptions options) {

    public static final int DEFAULT_PARALLELISM = 10;
    public static final int MAX_PARALLELISM = 50;

    public SyncDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(mode, "mode is null");
        mappings = List.copyOf(mappings);
        lookups = List.copyOf(lookups);
        options = options == null ? SyncOptions.DEFAULTS : options;
    }

    public SyncDefinition(String name, String model, String connection, String object, SyncMode mode, Optional<Match> match,
                          List<FieldMapping> mappings, List<Lookup> lookups, DeleteBehaviour onDelete, ApiChoice api, int batchSize,
                          int parallelism, RetryPolicy retry) {
        this(name, model, connection, object, mode, match, mappings, lookups, onDelete, api, batchSize, parallelism, retry, SyncOptions.DEFAULTS);
    }
}
