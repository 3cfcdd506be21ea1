package dev.sfsync.engine.run;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.bulk2.Bulk2Client;
import dev.sfsync.salesforce.bulk2.IngestRun;
import dev.sfsync.salesforce.bulk2.IngestSpec;

import java.util.Arrays;
import java.util.List;

/** Bulk API 2.0: one ingest per chunk (the client splits it into jobs by upload size); results are matched by row. */
public final class Bulk2Writer implements RowWriter {
    /** Rows per ingest: they are held in memory until the ingest's results are matched to them. */
    static final int ROWS_PER_INGEST = 50_000;

    private final Bulk2Client bulk2;

    public Bulk2Writer(SalesforceClient client) {
        this.bulk2 = client.bulk2();
    }

    @Override
    public List<WriteResult> write(WriteBatch batch) {
        List<String> columns = BulkRows.columns(batch);
        IngestSpec spec = IngestSpec.of(batch.object(), batch.operation(), batch.externalIdField(), columns);
        WriteResult[] results = new WriteResult[batch.records().size()];
        try (IngestRun run = bulk2.ingest(spec, BulkRows.rows(batch, columns).iterator()); var stream = run.results()) {
            stream.forEach(r -> results[(int) r.row()] = BulkRows.result(r));
        }
        return Arrays.asList(results);
    }

    @Override
    public int chunkSize() {
        return ROWS_PER_INGEST;
    }

    @Override
    public boolean concurrent() {
        return false;
    }
}
