package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.rest.QueryCursors;
import dev.sfsync.emulator.soql.SoqlError;
import dev.sfsync.emulator.soql.SoqlExecutor;
import dev.sfsync.emulator.soql.SoqlPlan;
import dev.sfsync.emulator.soql.SoqlPlanner;
import dev.sfsync.emulator.soql.SoqlProjector;
import dev.sfsync.emulator.soql.SoqlResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partner API's reads: query, queryAll and queryMore (pages of QueryOptions' batchSize, 200 to 2,000, 500 by
 * default, kept in the same cursors as REST's nextRecordsUrl), and retrieve.
 */
final class PartnerQueryCalls {
    static final int DEFAULT_BATCH_SIZE = 500;
    static final int MIN_BATCH_SIZE = 200;
    static final int MAX_BATCH_SIZE = 2000;
    static final int MAX_RETRIEVE_IDS = 2000;
    private static final Pattern LOCATOR = Pattern.compile("(01g[0-9A-Za-z]{15})-(\\d{1,9})");

    private final OrgHost host;

    PartnerQueryCalls(OrgHost host) {
        this.host = host;
    }

    byte[] query(SoapRequest request, ApiContext api, boolean includeDeleted) {
        String soql = SoapRequest.text(request.operation(), "queryString");
        if (soql == null || soql.isEmpty()) {
            throw SoapFault.api("MALFORMED_QUERY", "A query string has to be specified in <queryString>", "MalformedQueryFault");
        }
        SoqlResult result;
        try {
            result = SoqlExecutor.execute(SoqlPlanner.plan(soql, api.org(), api.user()), includeDeleted);
        } catch (SoqlError e) {
            throw fault(e);
        }
        String operation = request.operationName() + "Response";
        SoapWriter xml = PartnerCalls.responseWithLimits(api);
        xml.body().start(operation).start("result").attribute("xsi", "type", SoapNamespaces.XSI, "QueryResult");
        switch (result.plan().shape()) {
            case COUNT -> PartnerRecords.queryResult(xml, true, null, List.of(), result.totalSize());
            case AGGREGATE -> {
                xml.element("done", true).element("queryLocator", null);
                result.aggregateRows().forEach(row -> PartnerRecords.aggregate(xml, row));
                xml.element("size", result.totalSize());
            }
            case RECORDS -> {
                QueryCursors.Cursor cursor = new QueryCursors.Cursor(result.records(), new SoqlProjector(result.plan()), batchSize(request));
                String cursorId = cursor.records().size() > cursor.batchSize() ? host.cursors().open(cursor) : null;
                page(xml, cursor, cursorId, 0);
            }
        }
        return xml.end().end().end().end().finish();
    }

    byte[] queryMore(SoapRequest request, ApiContext api) {
        String locator = SoapRequest.text(request.operation(), "queryLocator");
        Matcher matcher = LOCATOR.matcher(locator == null ? "" : locator);
        if (!matcher.matches()) {
            throw invalidLocator();
        }
        QueryCursors.Cursor cursor = host.cursors().use(matcher.group(1)).orElseThrow(PartnerQueryCalls::invalidLocator);
        int start = Integer.parseInt(matcher.group(2));
        if (start > cursor.records().size()) {
            throw invalidLocator();
        }
        SoapWriter xml = PartnerCalls.responseWithLimits(api);
        xml.body().start("queryMoreResponse").start("result").attribute("xsi", "type", SoapNamespaces.XSI, "QueryResult");
        page(xml, cursor, matcher.group(1), start);
        return xml.end().end().end().end().finish();
    }

    /** retrieve(fieldList, sObjectType, ids): a record per id in order, nil where none is found. */
    byte[] retrieve(SoapRequest request, ApiContext api) {
        String fieldList = SoapRequest.text(request.operation(), "fieldList");
        String type = SoapRequest.text(request.operation(), "sObjectType");
        List<String> ids = SoapRequest.texts(request.operation(), "ids");
        if (fieldList == null || fieldList.isBlank() || type == null) {
            throw SoapFault.unexpected("MISSING_ARGUMENT", "retrieve() needs a <fieldList> (e.g. Id, Name), an <sObjectType> and <ids>");
        }
        if (ids.size() > MAX_RETRIEVE_IDS) {
            throw SoapFault.unexpected("EXCEEDED_ID_LIMIT", "retrieve() takes at most " + MAX_RETRIEVE_IDS + " ids; this call has " + ids.size());
        }
        SoqlPlan plan;
        try {
            plan = SoqlPlanner.plan("SELECT " + fieldList + " FROM " + type, api.org(), api.user());
        } catch (SoqlError e) {
            throw fault(e);
        }
        SoqlProjector projector = new SoqlProjector(plan);
        ObjectSchema schema = plan.object();
        SoapWriter xml = PartnerCalls.responseWithLimits(api);
        xml.body().start("retrieveResponse");
        for (String raw : ids) {
            StoredRecord record = SalesforceIds.normalize(raw.trim()).flatMap(id -> api.org().store(schema.name()).flatMap(s -> s.get(id)))
                    .filter(r -> !r.isDeleted()).orElse(null);
            if (record == null) {
                xml.element("result", null);
            } else {
                PartnerRecords.record(xml, "result", projector.json(record, PartnerRecords.TEXT));
            }
        }
        return xml.end().end().finish();
    }

    private static void page(SoapWriter xml, QueryCursors.Cursor cursor, String cursorId, int start) {
        int end = Math.min(cursor.records().size(), start + cursor.batchSize());
        List<Map<String, Object>> records = new ArrayList<>(end - start);
        for (StoredRecord record : cursor.records().subList(start, end)) {
            records.add(cursor.projector().json(record, PartnerRecords.TEXT));
        }
        boolean done = end >= cursor.records().size();
        PartnerRecords.queryResult(xml, done, done ? null : cursorId + "-" + end, records, cursor.records().size());
    }

    /** QueryOptions' batchSize, brought into 200..2,000 as Salesforce does (it is a hint). */
    private static int batchSize(SoapRequest request) {
        String asked = request.headerValue("QueryOptions", "batchSize");
        if (asked == null || !asked.matches("\\d{1,9}")) {
            return DEFAULT_BATCH_SIZE;
        }
        return Math.max(MIN_BATCH_SIZE, Math.min(MAX_BATCH_SIZE, Integer.parseInt(asked)));
    }

    static SoapFault fault(SoqlError e) {
        return switch (e.errorCode()) {
            case SoqlError.INVALID_FIELD -> SoapFault.api(e.errorCode(), e.getMessage(), "InvalidFieldFault");
            case SoqlError.INVALID_TYPE -> SoapFault.api(e.errorCode(), e.getMessage(), "InvalidSObjectFault");
            case SoqlError.MALFORMED_QUERY -> SoapFault.api(e.errorCode(), e.getMessage(), "MalformedQueryFault");
            default -> SoapFault.unexpected(e.errorCode(), e.getMessage());
        };
    }

    private static SoapFault invalidLocator() {
        return SoapFault.api("INVALID_QUERY_LOCATOR", "invalid query locator", "InvalidQueryLocatorFault");
    }
}
