package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.soql.SoqlError;
import dev.sfsync.emulator.soql.SoqlPlan;
import dev.sfsync.emulator.soql.SoqlResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code query?explain=SOQL}: the query plan feedback of Salesforce's REST API, in its documented shape (plans with
 * cardinality, fields, leadingOperationType, notes, relativeCost, sobjectCardinality, sobjectType). The emulator has
 * no indexes, so its one plan is always a table scan; the cardinalities are the real counts.
 */
final class QueryPlans {
    private QueryPlans() {
    }

    static void explain(Exchange exchange, ApiContext api) {
        String soql = exchange.queryParam("explain").orElse("");
        if (soql.isBlank()) {
            throw new ApiException(400, SoqlError.MALFORMED_QUERY, "explain needs a query, a report id or a list view id");
        }
        SoqlResult result = QueryEndpoint.run(api, soql, false);
        String object = result.plan().object().name();
        long objectCardinality = api.org().store(object).map(store -> (long) store.liveCount()).orElse(0L);
        long cardinality = result.plan().shape() == SoqlPlan.Shape.RECORDS ? result.records().size() : result.totalSize();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("cardinality", cardinality);
        plan.put("fields", List.of());
        plan.put("leadingOperationType", "TableScan");
        plan.put("notes", List.of());
        // Cost against the optimizer's selectivity threshold (above 1: not selective); a scan of a small object stays below.
        plan.put("relativeCost", objectCardinality > 200_000 ? 1.0 + objectCardinality / 1_000_000.0 : 0.65);
        plan.put("sobjectCardinality", objectCardinality);
        plan.put("sobjectType", object);
        exchange.json(200, Map.of("plans", List.of(plan)));
    }
}
