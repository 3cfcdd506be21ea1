package dev.sfsync.engine.run;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.rest.SObjectCollections;
import dev.sfsync.salesforce.rest.SaveResult;

import java.util.List;
import java.util.Map;

/** sObject Collections: up to 200 records a call, answered at once, several calls in parallel. */
public final class RestCollectionsWriter implements RowWriter {
    private final SObjectCollections collections;
    private final int batchSize;

    public RestCollectionsWriter(SalesforceClient client, int batchSize) {
        this.collections = client.rest().collections();
        this.batchSize = Math.min(batchSize, SObjectCollections.MAX_RECORDS_PER_CALL);
    }

    @Override
    public List<WriteResult> write(WriteBatch batch) {
        List<SaveResult> results = switch (batch.operation()) {
            case INSERT -> collections.create(batch.object(), batch.records());
            case UPDATE -> collections.update(batch.object(), batch.records());
            case UPSERT -> collections.upsert(batch.object(), batch.externalIdField(), batch.records());
            case DELETE -> collections.delete(batch.records().stream().map(r -> (String) r.get("Id")).toList());
            case HARD_DELETE -> throw new UnsupportedOperationException("REST has no hard delete; use api: bulk1 or bulk2");
        };
        return results.stream().map(RestCollectionsWriter::result).toList();
    }

    private static WriteResult result(SaveResult result) {
        if (result.success()) {
            return WriteResult.succeeded(result.id(), result.created());
        }
        SalesforceError error = result.firstError();
        return WriteResult.failed(Errors.row(error));
    }

    @Override
    public int chunkSize() {
        return batchSize;
    }

    @Override
    public boolean concurrent() {
        return true;
    }

    static Map<String, Object> idOnly(String id) {
        return Map.of("Id", id);
    }
}
