package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.model.ModelSchema;

import java.util.List;
import java.util.Optional;

/**
 * What a detection does with a snapshot hashed under other mappings or by another hash function, decided the same
 * way for the local store and the warehouse; each runs its own SQL for it. Rows equal under the old mappings stay
 * unsent when mappings were only dropped (the snapshot takes their new hash); otherwise every synced row is sent once
 * more, with a notice saying why.
 *
 * @param compareWith the fingerprint to compare the snapshot's hashes with, when rehashing is enough
 * @param notice      what the user is told; empty when the snapshot already matches
 */
record Reconciliation(Optional<Fingerprint> compareWith, Optional<String> notice) {
    static final Reconciliation NONE = new Reconciliation(Optional.empty(), Optional.empty());

    /**
     * @param hasher what hashes the rows, for the notice when it changed ("This DuckDB version", "The warehouse")
     */
    static Reconciliation of(Fingerprint stored, String storedProbe, Fingerprint now, String probe, ModelSchema schema, String hasher) {
        boolean sameHashing = storedProbe.equals(probe);
        if (sameHashing && stored.equals(now)) {
            return NONE;
        }
        Optional<Fingerprint> compareWith = sameHashing && stored.covers(now) ? stored.within(schema) : Optional.empty();
        if (compareWith.isPresent()) {
            return new Reconciliation(compareWith, Optional.of("Mappings were dropped; rows whose other mapped columns are unchanged are not resent."));
        }
        List<String> gained = stored.gainedIn(now);
        return new Reconciliation(Optional.empty(), Optional.of(!sameHashing
                ? hasher + " hashes rows differently from when the snapshot was built: every synced row is sent once more."
                : gained.isEmpty()
                ? "Columns the last mappings read are gone from the model: every synced row is sent once more."
                : "Mappings were added or retargeted (" + String.join(", ", gained) + "): every synced row is sent once more."));
    }

    /** Whether the snapshot's hashes must change before the diff. */
    boolean needed() {
        return notice.isPresent();
    }

    /** A snapshot is only compared with rows keyed the same way: its key's columns and types, e.g. {@code id bigint}. */
    static void checkKey(SyncId sync, String stored, String now) {
        if (!stored.equals(now)) {
            throw new ModelKeyChanged(sync, stored, now);
        }
    }
}
