package dev.sfsync.engine.sync;

import java.util.Objects;

/** Which record type a sync's records get: one for all ({@code record_type: Partner}) or a column of developer names. */
public sealed interface RecordTypeChoice {
    record Named(String developerName) implements RecordTypeChoice {
        public Named {
            Objects.requireNonNull(developerName, "developerName is null");
        }
    }

    record FromColumn(String column) implements RecordTypeChoice {
        public FromColumn {
            Objects.requireNonNull(column, "column is null");
        }
    }
}
