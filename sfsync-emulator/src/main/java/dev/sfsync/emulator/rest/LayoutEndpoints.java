package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * What a user interface reads about an object: {@code /sobjects/{object}/describe/layouts/} (one page layout with every
 * field the caller can see, in one detail section, as an org without record types has), {@code /sobjects/{object}/listviews}
 * (the "All" list view, with its results) and {@code /recent} (the records last changed, standing in for the last viewed).
 */
final class LayoutEndpoints {
    private static final String V = "/services/data/v([^/]+)";
    private static final String LAYOUT_PREFIX = "00h";
    private static final String LIST_VIEW_PREFIX = "00B";

    private final OrgHost host;

    LayoutEndpoints(OrgHost host) {
        this.host = host;
    }

    void register(Router router) {
        router.on("GET", V + "/sobjects/([^/]+)/describe/layouts/?", this::layouts);
        router.on("GET", V + "/sobjects/([^/]+)/listviews/?", this::listViews);
        router.on("GET", V + "/sobjects/([^/]+)/listviews/([^/]+)/results/?", this::listViewResults);
        router.on("GET", V + "/recent/?", this::recent);
    }

    private void layouts(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = SObjectEndpoints.Lookups.readable(api, m.group(2));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fields = (List<Map<String, Object>>) new DescribeRenderer(api).describe(schema, api.org().schemas()).get("fields");
        List<Object> rows = new ArrayList<>();
        int tab = 1;
        for (Map<String, Object> field : fields) {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("details", field);
            component.put("displayLines", 1);
            component.put("tabOrder", tab++);
            component.put("type", "Field");
            component.put("value", field.get("name"));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("editableForNew", field.get("createable"));
            item.put("editableForUpdate", field.get("updateable"));
            item.put("label", field.get("label"));
            item.put("layoutComponents", List.of(component));
            item.put("placeholder", false);
            item.put("required", Boolean.FALSE.equals(field.get("nillable")) && Boolean.TRUE.equals(field.get("createable"))
                    && Boolean.FALSE.equals(field.get("defaultedOnCreate")));
            rows.add(Map.of("layoutItems", List.of(item), "numItems", 1));
        }
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("collapsed", false);
        section.put("columns", 1);
        section.put("heading", schema.label() + " Information");
        section.put("layoutRows", rows);
        section.put("layoutSectionId", null);
        section.put("parentLayoutId", null);
        section.put("rows", rows.size());
        section.put("tabOrder", "TopToBottom");
        section.put("useCollapsibleSection", false);
        section.put("useHeading", true);
        Map<String, Object> layout = new LinkedHashMap<>();
        layout.put("buttonLayoutSection", null);
        layout.put("detailLayoutSections", List.of(section));
        layout.put("editLayoutSections", List.of(section));
        layout.put("feedView", null);
        layout.put("highlightsPanelLayoutSection", null);
        layout.put("id", id(LAYOUT_PREFIX, schema));
        layout.put("multirowEditLayoutSections", List.of());
        layout.put("offlineLinks", List.of());
        layout.put("quickActionList", Map.of("quickActionListItems", List.of()));
        layout.put("relatedContent", null);
        layout.put("relatedLists", List.of());
        layout.put("saveOptions", List.of());
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("active", true);
        mapping.put("available", true);
        mapping.put("defaultRecordTypeMapping", true);
        mapping.put("developerName", "Master");
        mapping.put("layoutId", id(LAYOUT_PREFIX, schema));
        mapping.put("master", true);
        mapping.put("name", "Master");
        mapping.put("picklistsForRecordType", List.of());
        mapping.put("recordTypeId", "012000000000000AAA");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("layouts", List.of(layout));
        body.put("recordTypeMappings", List.of(mapping));
        body.put("recordTypeSelectorRequired", List.of(false));
        ex.json(200, body);
    }

    private void listViews(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = SObjectEndpoints.Lookups.readable(api, m.group(2));
        String id = id(LIST_VIEW_PREFIX, schema);
        String base = api.dataPath() + "/sobjects/" + schema.name() + "/listviews/" + id;
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("describeUrl", base + "/describe");
        view.put("developerName", "All" + schema.labelPlural().replace(" ", ""));
        view.put("id", id);
        view.put("label", "All " + schema.labelPlural());
        view.put("resultsUrl", base + "/results");
        view.put("soqlCompatible", true);
        view.put("url", base);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("done", true);
        body.put("listviews", List.of(view));
        body.put("nextRecordsUrl", null);
        body.put("size", 1);
        body.put("sobjectType", schema.name());
        ex.json(200, body);
    }

    private void listViewResults(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = SObjectEndpoints.Lookups.readable(api, m.group(2));
        if (!SalesforceIds.normalize(m.group(3)).map(id -> id.equals(id(LIST_VIEW_PREFIX, schema))).orElse(false)) {
            throw ApiException.notFound();
        }
        String name = schema.fields().stream().filter(FieldSchema::nameField).map(FieldSchema::name).findFirst().orElse("Id");
        int limit = ex.queryParam("limit").filter(l -> l.matches("\\d{1,4}")).map(Integer::parseInt).orElse(25);
        SoqlResult result = QueryEndpoint.run(api, "SELECT Id, " + name + " FROM " + schema.name() + " ORDER BY " + name + " LIMIT " + limit, false);
        List<Object> records = new ArrayList<>();
        for (StoredRecord record : result.records()) {
            List<Object> columns = new ArrayList<>();
            columns.add(Map.of("fieldNameOrPath", "Id", "value", record.id()));
            columns.add(column(name, record.get(name)));
            records.add(Map.of("columns", columns));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columns", List.of(Map.of("fieldNameOrPath", "Id", "hidden", true, "label", "Record ID", "sortable", true),
                Map.of("fieldNameOrPath", name, "hidden", false, "label", name, "sortable", true)));
        body.put("developerName", "All" + schema.labelPlural().replace(" ", ""));
        body.put("done", true);
        body.put("id", id(LIST_VIEW_PREFIX, schema));
        body.put("label", "All " + schema.labelPlural());
        body.put("records", records);
        body.put("size", records.size());
        ex.json(200, body);
    }

    private static Map<String, Object> column(String field, Object value) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("fieldNameOrPath", field);
        column.put("value", value == null ? null : value.toString());
        return column;
    }

    /** The records last changed that the caller can read, newest first: {@code ?limit=} (default 200). */
    private void recent(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        int limit = ex.queryParam("limit").filter(l -> l.matches("\\d{1,4}")).map(Integer::parseInt).orElse(200);
        List<StoredRecord> records = new ArrayList<>();
        for (ObjectSchema schema : api.org().schemas()) {
            // The org's own record is no record a user works on, so it never shows as recent.
            if (nameField(schema) != null && !schema.platformEvent() && !schema.name().equals(dev.sfsync.emulator.org.StandardObjects.ORGANIZATION)
                    && api.profile().can(schema.name(), dev.sfsync.emulator.org.ObjectPermission.READ)) {
                api.org().store(schema.name()).ifPresent(store -> store.all().stream().filter(r -> !r.isDeleted()).forEach(records::add));
            }
        }
        // LastModifiedDate has whole seconds; within one, the later-made record (its id's counter) comes first.
        records.sort(Comparator.comparing((StoredRecord r) -> String.valueOf(r.get("LastModifiedDate")))
                .thenComparing(r -> r.id().substring(3, 15)).reversed());
        List<Map<String, Object>> page = new ArrayList<>();
        for (StoredRecord record : records.subList(0, Math.min(limit, records.size()))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("attributes", RecordJson.attributes(api, record.objectName(), record.id()));
            entry.put("Id", record.id());
            String name = nameField(record.schema());
            entry.put(name, record.get(name));
            page.add(entry);
        }
        ex.json(200, page);
    }

    private static String nameField(ObjectSchema schema) {
        return schema.fields().stream().filter(FieldSchema::nameField).map(FieldSchema::name).findFirst().orElse(null);
    }

    /** A stable id per object for its one layout or list view. */
    private static String id(String prefix, ObjectSchema schema) {
        return SalesforceIds.to18(prefix + SalesforceIds.base62(Math.abs((long) schema.name().hashCode()) % 1_000_000_000L, 12));
    }
}
