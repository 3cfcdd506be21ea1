package dev.sfsync.engine.run;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk1.Bulk1Client;
import dev.sfsync.salesforce.bulk1.Bulk1Run;
import dev.sfsync.salesforce.bulk1.Bulk1Spec;

import java.util.Arrays;
import java.util.List;

/**
 * Bulk API 1.0: one job per chunk, split into batches of the sync's batch size, which Salesforce processes in
 * parallel; results come back in input order.
 */
public final class Bulk1Writer implements RowWriter {
    /** Batches per job: a job's rows are held in memory until its results are matched. */
    static final int BATCHES_PER_JOB = 10;

    private final Bulk1Client bulk1;
    private final int batchSize;

    public Bulk1Writer(SalesforceClient client, int batchSize) {
        this.bulk1 = client.bulk1();
        this.batchSize = batchSize;
    }

    @Override
    public List<WriteResult> write(WriteBatch batch) {
        List<String> columns = BulkRows.columns(batch);
        Bulk1Spec spec = Bulk1Spec.of(batch.object(), batch.operation(), batch.externalIdField(), columns).withBatchSize(batchSize);
        Bulk1Run run = bulk1.load(spec, BulkRows.rows(batch, columns).iterator());
        WriteResult[] results = new WriteResult[batch.records().size()];
        try (var stream = run.results()) {
            stream.forEach((BulkRowResult r) -> results[(int) r.row()] = BulkRows.result(r));
        }
        return Arrays.asList(results);
    }

    @Override
    public int chunkSize() {
        return batchSize * BATCHES_PER_JOB;
    }

    @Override
    public boolean concurrent() {
        return false;
    }
}
