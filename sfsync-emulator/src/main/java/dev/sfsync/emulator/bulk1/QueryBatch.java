package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.faults.ApiKind;
import dev.sfsync.emulator.faults.Faults;
import dev.sfsync.emulator.faults.InjectedRecordError;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlError;
import dev.sfsync.emulator.soql.SoqlExecutor;
import dev.sfsync.emulator.soql.SoqlPlan;
import dev.sfsync.emulator.soql.SoqlPlanner;
import dev.sfsync.emulator.soql.SoqlProjector;
import dev.sfsync.emulator.soql.SoqlResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * Runs a query batch: the batch body is one SOQL statement on the job's object. Matching records are written to
 * one result file (Salesforce splits results above 1 GB; the emulator never needs to), named by a 752 result id.
 * A query batch has no per-record results, so a record error rule for Bulk 1.0 on the job's object fails the whole
 * batch instead, as a query that times out fails at Salesforce ("Failed to process query: QUERY_TIMEOUT: ...").
 */
final class QueryBatch {
    private final Org org;
    private final Faults faults;

    QueryBatch(Org org, Faults faults) {
        this.org = org;
        this.faults = faults;
    }

    void run(Batch batch) throws IOException, MalformedBatch {
        Job job = batch.job();
        String soql = Files.readString(batch.requestFile(), StandardCharsets.UTF_8).strip();
        SoqlPlan plan;
        try {
            plan = SoqlPlanner.plan(soql, org, job.createdBy());
        } catch (SoqlError e) {
            throw new MalformedBatch("Failed to process query: " + e.errorCode() + ": " + e.getMessage());
        }
        if (!plan.object().name().equalsIgnoreCase(job.object())) {
            throw new MalformedBatch("Failed to process query: INVALID_TYPE: the query reads " + plan.object().name()
                    + " but the job's object is " + job.object() + "; query the job's object or create a job for " + plan.object().name());
        }
        if (plan.shape() != SoqlPlan.Shape.RECORDS) {
            throw new MalformedBatch("Failed to process query: FUNCTIONALITY_NOT_ENABLED: Aggregate queries are not supported by"
                    + " Bulk API; select fields, or run COUNT() through the REST query resource");
        }
        if (plan.hasTypeOf()) {
            throw new MalformedBatch("Failed to process query: FeatureNotEnabled: the sfsync emulator's Bulk API query batches do not run"
                    + " TYPEOF; select the polymorphic field's Id or use the REST query resource");
        }
        if (plan.hasSubqueries()) {
            throw new MalformedBatch("Failed to process query: FeatureNotEnabled: Cannot serialize value for '"
                    + plan.columns().stream().filter(c -> c instanceof SoqlPlan.SubqueryColumn).map(c -> ((SoqlPlan.SubqueryColumn) c).relationshipName())
                    .findFirst().orElseThrow() + "': Bulk API does not run child relationship subqueries; query the child object instead");
        }
        java.util.Optional<InjectedRecordError> fault = faults.recordError(ApiKind.BULK1, job.object());
        if (fault.isPresent()) {
            throw new MalformedBatch("Failed to process query: " + fault.get().errorCode() + ": "
                    + (fault.get().message() == null ? "the query failed (injected fault)" : fault.get().message()));
        }
        SoqlResult result = SoqlExecutor.execute(plan, job.operation() == Operation.queryAll);
        String resultId = org.ids().next("752");
        int count = 0;
        try (QueryResults out = QueryResults.open(job.contentType(), job.directory().resolve(resultId + ".result"),
                new SoqlProjector(plan), job.apiVersion())) {
            for (StoredRecord record : result.records()) {
                if (batch.cancelled()) {
                    return;
                }
                out.write(record);
                count++;
            }
        }
        batch.addResultId(resultId);
        batch.progress(count, 0, org.clock().instant());
    }
}
