package dev.sfsync.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Json;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.LimitsSection;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.write.FieldInput;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Endpoints for tests and demos, outside /services and without authentication (the emulator binds to loopback):
 * inspect and reset the org, load another org file, insert or lock records, convert leads, set limits and
 * settings, expire tokens, and mint a session.
 */
public final class AdminEndpoints {
    private final OrgHost host;
    private final Emulator emulator;

    public AdminEndpoints(OrgHost host, Emulator emulator) {
        this.host = host;
        this.emulator = emulator;
    }

    public void register(Router router) {
        router.on("GET", "/__admin/?", this::info);
        router.on("POST", "/__admin/reset", (ex, m) -> { host.reset(); ex.noContent(); });
        router.on("PUT", "/__admin/org", this::loadOrg);
        router.on("GET", "/__admin/records/([^/]+)/?", this::records);
        router.on("POST", "/__admin/records/([^/]+)/?", this::insert);
        router.on("PUT", "/__admin/limits", this::limits);
        router.on("PUT", "/__admin/settings", this::settings);
        router.on("POST", "/__admin/tokens/expire", (ex, m) -> { host.sessions().expireAllAccessTokens(); ex.noContent(); });
        router.on("POST", "/__admin/sessions", this::session);
        router.on("POST", "/__admin/locks", this::lock);
        router.on("DELETE", "/__admin/locks", (ex, m) -> { host.org().lockedRecordIds().clear(); ex.noContent(); });
        router.on("POST", "/__admin/leads/([^/]+)/convert", this::convertLead);
        router.on("GET", "/__admin/limits", (ex, m) -> ex.json(200, host.org().limits().settings().toJson()));
        new FaultAdminEndpoints(host).register(router);
        new AccessAdminEndpoints(host).register(router);
        router.on("GET", "/__admin/events/([^/]+)/?", new dev.sfsync.emulator.events.PublishedEvents(host)::list);
    }

    private void info(Exchange ex, Matcher m) {
        Org org = host.org();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", org.name());
        body.put("orgId", org.id());
        body.put("environment", org.environment().name().toLowerCase());
        body.put("instanceUrl", host.baseUrl());
        body.put("otherOrgs", emulator.hosts().stream().filter(h -> h != host).map(h -> Map.of("name", h.org().name(), "instanceUrl", h.baseUrl())).toList());
        body.put("users", org.users().stream().map(u -> Map.of("username", u.username(), "profile", u.profile().name())).toList());
        body.put("connectedApps", org.definition().connectedApps().stream().map(a -> a.clientId()).toList());
        body.put("apiUsage", Map.of("used", org.apiUsage().used(), "max", org.apiUsage().max()));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ObjectSchema schema : org.schemas()) {
            counts.put(schema.name(), org.store(schema.name()).orElseThrow().liveCount());
        }
        body.put("records", counts);
        ex.json(200, body);
    }

    private void loadOrg(Exchange ex, Matcher m) {
        host.replaceDefinition(OrgDefinitionLoader.load(ex.body(), "request body"));
        info(ex, m);
    }

    private void records(Exchange ex, Matcher m) {
        ObjectSchema schema = host.org().schema(m.group(1)).orElseThrow(ApiException::notFound);
        boolean includeDeleted = ex.queryParam("includeDeleted").map(Boolean::parseBoolean).orElse(false);
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredRecord record : host.org().store(schema.name()).orElseThrow().all()) {
            if (includeDeleted || !record.isDeleted()) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("attributes", Map.of("type", schema.name()));
                for (FieldSchema field : schema.fields()) {
                    values.put(field.name(), dev.sfsync.emulator.rest.RecordJson.value(field, record.values().get(field.name())));
                }
                out.add(values);
            }
        }
        ex.json(200, out);
    }

    private void insert(Exchange ex, Matcher m) {
        Org org = host.org();
        ObjectSchema schema = org.schema(m.group(1)).orElseThrow(ApiException::notFound);
        JsonNode body = ex.jsonBody();
        List<Object> results = new ArrayList<>();
        UserAccount admin = org.defaultUser();
        synchronized (org.writeLock()) {
            RecordWriter writer = new RecordWriter(org, admin);
            for (JsonNode record : body.isArray() ? body : List.of(body)) {
                WriteResult result = writer.create(schema, FieldInput.fromJson(schema, admin.profile(), record));
                results.add(Json.MAPPER.convertValue(result, Map.class));
            }
        }
        ex.json(200, results);
    }

    /** Takes the keys of the org file's limits: section, plus "used" for the API requests spent so far. */
    private void limits(Exchange ex, Matcher m) {
        JsonNode body = ex.jsonBody();
        ObjectNode settings = body.isObject() ? body.deepCopy() : Json.MAPPER.createObjectNode();
        settings.remove("used");
        List<String> problems = new ArrayList<>();
        var limits = LimitsSection.read(settings, "", host.org().limits().settings(), problems);
        if (!problems.isEmpty()) {
            throw FaultAdminEndpoints.invalid("INVALID_LIMITS", problems);
        }
        host.org().limits().apply(limits);
        if (body.has("used")) {
            host.org().apiUsage().setUsed(body.get("used").asLong());
        }
        info(ex, m);
    }

    private void settings(Exchange ex, Matcher m) {
        JsonNode body = ex.jsonBody();
        if (body.has("apiEnabled")) {
            host.org().apiEnabled(body.get("apiEnabled").asBoolean());
        }
        if (body.has("accessTokenTtlSeconds")) {
            host.org().accessTokenTtl(Duration.ofSeconds(body.get("accessTokenTtlSeconds").asLong()));
        }
        ex.noContent();
    }

    private void session(Exchange ex, Matcher m) {
        Org org = host.org();
        JsonNode body = ex.body().length == 0 ? Json.MAPPER.createObjectNode() : ex.jsonBody();
        UserAccount user = body.has("username")
                ? org.user(body.get("username").asText()).orElseThrow(() -> new ApiException(400, "NOT_FOUND", "no user " + body.get("username").asText()))
                : org.defaultUser();
        var session = host.sessions().issue(user, org.definition().connectedApps().getFirst(), "api", null);
        ex.json(200, Map.of("access_token", session.accessToken(), "instance_url", host.baseUrl(), "username", user.username()));
    }

    private void lock(Exchange ex, Matcher m) {
        for (JsonNode id : ex.jsonBody().path("ids")) {
            host.org().lockedRecordIds().add(SalesforceIds.normalize(id.asText())
                    .orElseThrow(() -> new ApiException(400, "MALFORMED_ID", "not an id: " + id.asText())));
        }
        ex.noContent();
    }

    private void convertLead(Exchange ex, Matcher m) {
        Org org = host.org();
        String id = SalesforceIds.normalize(m.group(1)).orElseThrow(() -> new ApiException(400, "MALFORMED_ID", "not an id: " + m.group(1)));
        synchronized (org.writeLock()) {
            var store = org.store("Lead").orElseThrow();
            StoredRecord lead = store.get(id).filter(r -> !r.isDeleted()).orElseThrow(ApiException::notFound);
            Map<String, Object> values = new LinkedHashMap<>(lead.values());
            values.put("IsConverted", Boolean.TRUE);
            values.put("Status", "Closed - Converted");
            values.put("ConvertedDate", LocalDate.now(org.clock().withZone(ZoneOffset.UTC)));
            convertedContact(org, lead).ifPresent(contactId -> {
                if (lead.schema().field("ConvertedContactId").isPresent()) {
                    values.put("ConvertedContactId", contactId);
                }
            });
            store.put(new StoredRecord(id, lead.schema(), values));
        }
        ex.noContent();
    }

    /**
     * The Contact a conversion makes: the Lead's name and email, and every custom field both objects have (Salesforce's
     * lead field mapping, which admins set so the Lead's external ID lands on the Contact's).
     */
    private static java.util.Optional<String> convertedContact(Org org, StoredRecord lead) {
        ObjectSchema contact = org.schema("Contact").orElse(null);
        if (contact == null) {
            return java.util.Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (dev.sfsync.emulator.org.FieldSchema field : lead.schema().fields()) {
            boolean mapped = field.name().endsWith("__c") || java.util.Set.of("FirstName", "LastName", "Email", "Phone", "Title").contains(field.name());
            Object value = lead.values().get(field.name());
            if (mapped && value != null && contact.field(field.name()).filter(f -> f.createable()).isPresent()) {
                values.put(field.name(), value instanceof LocalDate date ? date.toString() : value);
            }
        }
        dev.sfsync.emulator.write.RecordWriter writer = new dev.sfsync.emulator.write.RecordWriter(org, org.defaultUser());
        dev.sfsync.emulator.write.WriteResult created = writer.create(contact,
                dev.sfsync.emulator.write.FieldInput.fromMap(contact, org.defaultUser().profile(), values));
        return created.success() ? java.util.Optional.of(created.id()) : java.util.Optional.empty();
    }
}
