package dev.sfsync.engine.run;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk.Operation;
import dev.sfsync.salesforce.bulk1.Bulk1Run;
import dev.sfsync.salesforce.bulk1.Bulk1Spec;
import dev.sfsync.salesforce.bulk2.IngestRun;
import dev.sfsync.salesforce.bulk2.IngestSpec;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One of the two Bulk APIs as the engine uses them: rows stream in (the client spools them to disk and uploads each
 * job or batch as it fills), and once every job has ended, one result per row streams out, carrying the row's index.
 */
sealed interface BulkApi {
    /** A finished load's results; closing it deletes what the client kept on disk for matching them. */
    record Results(java.util.function.Supplier<Stream<BulkRowResult>> results, Runnable cleanUp) implements AutoCloseable {
        Stream<BulkRowResult> stream() {
            return results.get();
        }

        @Override
        public void close() {
            cleanUp.run();
        }
    }

    /** Blocks until {@code rows} is exhausted and every job of the load has ended. */
    Results load(String object, Operation operation, String externalIdField, List<String> columns, Iterator<List<String>> rows);

    /** The Bulk API a sync chose; {@code batchSize} is Bulk 1.0's rows per batch (Bulk 2.0 splits by upload size). */
    static BulkApi of(dev.sfsync.engine.sync.ApiChoice api, SalesforceClient client, int batchSize, WriteAheadLog log) {
        return switch (api) {
            case BULK1 -> new Bulk1(client, batchSize, jobId -> log.jobOpened(api, jobId));
            case BULK2 -> new Bulk2(client, jobId -> log.jobOpened(api, jobId));
            case REST -> throw new IllegalArgumentException("REST is not a Bulk API");
        };
    }

    /** Bulk API 1.0: one job per load, batches of the sync's batch size, which Salesforce processes in parallel. */
    record Bulk1(SalesforceClient client, int batchSize, java.util.function.Consumer<String> jobOpened) implements BulkApi {
        @Override
        public Results load(String object, Operation operation, String externalIdField, List<String> columns, Iterator<List<String>> rows) {
            Bulk1Run run = client.bulk1().load(Bulk1Spec.of(object, operation, externalIdField, columns).withBatchSize(batchSize), rows, jobOpened);
            // Bulk 1.0 results come back in row order: the client keeps nothing to match them.
            return new Results(run::results, () -> { });
        }
    }

    /** Bulk API 2.0: the client starts a new job whenever the upload reaches Salesforce's size limit. */
    record Bulk2(SalesforceClient client, java.util.function.Consumer<String> jobOpened) implements BulkApi {
        @Override
        public Results load(String object, Operation operation, String externalIdField, List<String> columns, Iterator<List<String>> rows) {
            IngestRun run = client.bulk2().ingest(IngestSpec.of(object, operation, externalIdField, columns), rows, jobOpened);
            return new Results(run::results, run::close);
        }
    }
}
