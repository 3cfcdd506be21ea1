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
        /** For insert syncs without an idempotency key: the delivery the user accepted (null otherwise). */
        InsertWithoutKey insertWithoutKey) {

    public static final int DEFAULT_PARALLELISM = 10;
    public static final int MAX_PARALLELISM = 50;

    /** A sync that is not an insert without a key. */
    public SyncDefinition(String name, String model, String connection, String object, SyncMode mode, Optional<Match> match,
                          List<FieldMapping> mappings, List<Lookup> lookups, DeleteBehaviour onDelete, ApiChoice api, int batchSize,
                          int parallelism, RetryPolicy retry) {
        this(name, model, connection, object, mode, match, mappings, lookups, onDelete, api, batchSize, parallelism, retry, null);
    }

    /** The value an insert sends in its idempotency field (the match field) to find its records again after a crash. */
    public boolean hasIdempotencyKey() {
        return mode == SyncMode.INSERT && match.isPresent();
    }

    public SyncDefinition {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(mode, "mode is null");
        mappings = List.copyOf(mappings);
        lookups = List.copyOf(lookups);
    }
}
