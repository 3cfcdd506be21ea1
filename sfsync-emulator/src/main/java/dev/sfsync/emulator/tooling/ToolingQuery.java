package dev.sfsync.emulator.tooling;

import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.rest.RecordJson;
import dev.sfsync.emulator.soql.SoqlError;
import dev.sfsync.emulator.soql.SoqlExecutor;
import dev.sfsync.emulator.soql.SoqlPlan;
import dev.sfsync.emulator.soql.SoqlPlanner;
import dev.sfsync.emulator.soql.SoqlProjector;
import dev.sfsync.emulator.soql.SoqlResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GET /tooling/query over CustomField, answered in the Tooling API's query shape (size, totalSize, done, queryLocator,
 * entityTypeName, records). FullName and Metadata may only be selected for at most one row, as in Salesforce.
 */
final class ToolingQuery {
    private static final Set<String> SINGLE_ROW_FIELDS = Set.of("FullName", "Metadata");

    private final CustomFieldRecords records;

    ToolingQuery(CustomFieldRecords records) {
        this.records = records;
    }

    void run(Exchange ex, ApiContext api) {
        String soql = ex.queryParam("q").filter(q -> !q.isBlank())
                .orElseThrow(() -> new ApiException(400, SoqlError.MALFORMED_QUERY, "A query string has to be specified"));
        List<Object> rows = new ArrayList<>();
        SoqlResult result;
        synchronized (records) {
            records.refresh();
            try {
                SoqlPlan plan = SoqlPlanner.plan(soql, records.toolingOrg(), api.profile());
                result = SoqlExecutor.execute(plan, false);
            } catch (SoqlError e) {
                throw new ApiException(400, e.errorCode(), e.getMessage());
            }
            checkSingleRow(result);
            SoqlProjector projector = new SoqlProjector(result.plan());
            for (StoredRecord record : result.records()) {
                rows.add(projector.json(record, renderer(api)));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("size", result.totalSize());
        body.put("totalSize", result.totalSize());
        body.put("done", true);
        body.put("queryLocator", null);
        body.put("entityTypeName", result.plan().object().name());
        body.put("records", result.plan().shape() == SoqlPlan.Shape.RECORDS ? rows : List.of());
        ex.json(200, body);
    }

    static Map<String, Object> attributes(ApiContext api, String id) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", CustomFieldRecords.OBJECT);
        attributes.put("url", api.dataPath() + "/tooling/sobjects/" + CustomFieldRecords.OBJECT + "/" + id);
        return attributes;
    }

    private static void checkSingleRow(SoqlResult result) {
        boolean restricted = result.plan().columns().stream().anyMatch(c -> c instanceof SoqlPlan.FieldColumn(var field, var wrapper, var alias)
                && field.hops().isEmpty() && SINGLE_ROW_FIELDS.contains(field.field().name()));
        if (restricted && result.records().size() > 1) {
            throw new ApiException(400, SoqlError.MALFORMED_QUERY, "When retrieving results with Metadata or FullName fields, the query "
                    + "qualifications must specify no more than one row for retrieval. Result size: " + result.records().size());
        }
    }

    private static SoqlProjector.Renderer renderer(ApiContext api) {
        return new SoqlProjector.Renderer() {
            @Override
            public Map<String, Object> attributes(String object, String id) {
                if (object.equals(CustomFieldRecords.OBJECT)) {
                    return ToolingQuery.attributes(api, id);
                }
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("type", object);
                attributes.put("url", api.dataPath() + "/tooling/sobjects/" + object + "/" + id);
                return attributes;
            }

            @Override
            public Object value(FieldSchema field, Object stored) {
                return RecordJson.value(field, stored);
            }
        };
    }
}
