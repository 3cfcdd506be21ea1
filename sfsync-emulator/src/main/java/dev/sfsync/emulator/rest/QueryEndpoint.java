package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.StoredRecord;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GET query, queryAll and their nextRecordsUrl pages. Results larger than one page are kept in {@link QueryCursors};
 * each page is rendered only when it is requested, and every request counts as one API call.
 */
public final class QueryEndpoint {
    public static final int DEFAULT_BATCH_SIZE = 2000;
    public static final int MIN_BATCH_SIZE = 200;
    private static final Pattern BATCH_SIZE = Pattern.compile("(?i)(?:^|[,;\\s])batchSize\\s*=\\s*(\\d+)");
    private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d+)");

    private final OrgHost host;

    public QueryEndpoint(OrgHost host) {
        this.host = host;
    }

    public void register(Router router) {
        router.on("GET", "/services/data/v([^/]+)/query/?", (exchange, path) -> query(exchange, path, false));
        router.on("GET", "/services/data/v([^/]+)/queryAll/?", (exchange, path) -> query(exchange, path, true));
        router.on("GET", "/services/data/v([^/]+)/(?:query|queryAll)/([^/]+)/?", this::nextPage);
    }

    private void query(Exchange exchange, Matcher path, boolean includeDeleted) {
        ApiContext api = RestAuth.authenticate(host, exchange, path.group(1));
        if (exchange.queryParam("explain").isPresent()) {
            QueryPlans.explain(exchange, api);
            return;
        }
        String soql = exchange.queryParam("q").filter(q -> !q.isBlank())
                .orElseThrow(() -> new ApiException(400, SoqlError.MALFORMED_QUERY, "A query string has to be specified"));
        SoqlResult result = run(api, soql, includeDeleted);
        if (exchange.queryParam("columns").filter("true"::equalsIgnoreCase).isPresent()) {
            exchange.json(200, QueryColumns.of(result.plan()));
            return;
        }
        SoqlProjector projector = new SoqlProjector(result.plan());
        switch (result.plan().shape()) {
            case COUNT -> exchange.json(200, page(result.totalSize(), null, List.of()));
            // Salesforce answers aggregate queries in one batch; they cannot be paged with queryMore.
            case AGGREGATE -> exchange.json(200, page(result.totalSize(), null,
                    result.aggregateRows().stream().map(row -> SoqlProjector.aggregateJson(row, renderer(api))).toList()));
            case RECORDS -> {
                QueryCursors.Cursor cursor = new QueryCursors.Cursor(result.records(), projector, batchSize(exchange));
                String cursorId = cursor.records().size() > cursor.batchSize() ? host.cursors().open(cursor) : null;
                exchange.json(200, render(api, cursor, cursorId, 0));
            }
        }
    }

    /** Plans and runs a query as the caller; a bad query fails the call with its SOQL error code. */
    static SoqlResult run(ApiContext api, String soql, boolean includeDeleted) {
        try {
            SoqlPlan plan = SoqlPlanner.plan(soql, api.org(), api.user());
            return SoqlExecutor.execute(plan, includeDeleted);
        } catch (SoqlError e) {
            throw new ApiException(400, e.errorCode(), e.getMessage());
        }
    }

    private void nextPage(Exchange exchange, Matcher path) {
        ApiContext api = RestAuth.authenticate(host, exchange, path.group(1));
        Matcher locator = LOCATOR.matcher(path.group(2));
        if (!locator.matches()) {
            throw invalidLocator();
        }
        QueryCursors.Cursor cursor = host.cursors().use(locator.group(1)).orElseThrow(QueryEndpoint::invalidLocator);
        long start = Long.parseLong(locator.group(2).length() > 9 ? "-1" : locator.group(2));
        if (start < 0 || start > cursor.records().size()) {
            throw invalidLocator();
        }
        exchange.json(200, render(api, cursor, locator.group(1), (int) start));
    }

    private static Map<String, Object> render(ApiContext api, QueryCursors.Cursor cursor, String cursorId, int start) {
        int end = Math.min(cursor.records().size(), start + cursor.batchSize());
        SoqlProjector.Renderer renderer = renderer(api);
        List<Object> records = new ArrayList<>(end - start);
        for (StoredRecord record : cursor.records().subList(start, end)) {
            records.add(cursor.projector().json(record, renderer));
        }
        String next = end < cursor.records().size() ? api.dataPath() + "/query/" + cursorId + "-" + end : null;
        return page(cursor.records().size(), next, records);
    }

    private static Map<String, Object> page(int totalSize, String nextRecordsUrl, List<?> records) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("totalSize", totalSize);
        body.put("done", nextRecordsUrl == null);
        if (nextRecordsUrl != null) {
            body.put("nextRecordsUrl", nextRecordsUrl);
        }
        body.put("records", records);
        return body;
    }

    /** Salesforce treats batchSize as a hint between 200 and 2,000; values outside are brought into range. */
    static int batchSize(Exchange exchange) {
        String options = exchange.header("Sforce-Query-Options");
        if (options == null) {
            return DEFAULT_BATCH_SIZE;
        }
        Matcher matcher = BATCH_SIZE.matcher(options);
        if (!matcher.find()) {
            return DEFAULT_BATCH_SIZE;
        }
        long asked = matcher.group(1).length() > 9 ? DEFAULT_BATCH_SIZE : Long.parseLong(matcher.group(1));
        return (int) Math.max(MIN_BATCH_SIZE, Math.min(DEFAULT_BATCH_SIZE, asked));
    }

    static SoqlProjector.Renderer renderer(ApiContext api) {
        return new SoqlProjector.Renderer() {
            @Override
            public Map<String, Object> attributes(String object, String id) {
                return RecordJson.attributes(api, object, id);
            }

            @Override
            public Object value(FieldSchema field, Object stored) {
                return RecordJson.value(field, stored);
            }
        };
    }

    private static ApiException invalidLocator() {
        return new ApiException(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }
}
