package dev.sfsync.engine.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * A sync's less common settings, each with a default that changes nothing.
 *
 * @param recordType  the record type records get, by developer name (constant or per row); empty: the user's default
 * @param concurrency how Salesforce processes a Bulk API 1.0 job's batches
 * @param merge       the rows to merge into their group's parent record after they are written
 * @param orLead      a multi-object sync's Lead half: rows go to the sync's object or to Leads
 * @param picklist    a picklist value sync's field and columns (mode all)
 * @param keepRowOutcomes which rows keep their own outcome in the state store (the others are counted)
 */
public record SyncOptions(Optional<RecordTypeChoice> recordType, BulkConcurrency concurrency, Optional<MergeSpec> merge,
                          Optional<LeadAlternative> orLead, Optional<PicklistTarget> picklist, KeepRowOutcomes keepRowOutcomes) {
    public static final SyncOptions DEFAULTS = new SyncOptions(Optional.empty(), BulkConcurrency.PARALLEL, Optional.empty(), Optional.empty(),
            Optional.empty(), KeepRowOutcomes.FAILED);

    public SyncOptions(Optional<RecordTypeChoice> recordType, BulkConcurrency concurrency, Optional<MergeSpec> merge,
                       Optional<LeadAlternative> orLead, Optional<PicklistTarget> picklist) {
        this(recordType, concurrency, merge, orLead, picklist, KeepRowOutcomes.FAILED);
    }

    public SyncOptions {
        Objects.requireNonNull(recordType, "recordType is null");
        Objects.requireNonNull(concurrency, "concurrency is null");
        Objects.requireNonNull(merge, "merge is null");
        Objects.requireNonNull(orLead, "orLead is null");
        Objects.requireNonNull(picklist, "picklist is null");
        Objects.requireNonNull(keepRowOutcomes, "keepRowOutcomes is null");
    }

    public SyncOptions withRecordType(RecordTypeChoice choice) {
        return new SyncOptions(Optional.of(choice), concurrency, merge, orLead, picklist, keepRowOutcomes);
    }

    public SyncOptions withConcurrency(BulkConcurrency mode) {
        return new SyncOptions(recordType, mode, merge, orLead, picklist, keepRowOutcomes);
    }

    public SyncOptions withMerge(MergeSpec spec) {
        return new SyncOptions(recordType, concurrency, Optional.of(spec), orLead, picklist, keepRowOutcomes);
    }

    public SyncOptions withLead(LeadAlternative lead) {
        return new SyncOptions(recordType, concurrency, merge, Optional.of(lead), picklist, keepRowOutcomes);
    }

    public SyncOptions withPicklist(PicklistTarget target) {
        return new SyncOptions(recordType, concurrency, merge, orLead, Optional.of(target), keepRowOutcomes);
    }

    public SyncOptions withKeepRowOutcomes(KeepRowOutcomes keep) {
        return new SyncOptions(recordType, concurrency, merge, orLead, picklist, keep);
    }
}
