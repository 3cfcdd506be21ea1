package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Json;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;

/**
 * The data replication resources, {@code /sobjects/X/updated/} and {@code /sobjects/X/deleted/}, as Salesforce
 * documents them: {@code start} and {@code end} to the minute (seconds are ignored), at most 30 days back, at most
 * 600,000 ids, judged by SystemModstamp, only records the caller can see.
 */
final class ReplicationEndpoints {
    static final int MAX_IDS = 600_000;
    static final Duration MAX_AGE = Duration.ofDays(30);
    private static final String V = "/services/data/v([^/]+)";
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd().toFormatter();

    private final OrgHost host;

    ReplicationEndpoints(OrgHost host) {
        this.host = host;
    }

    void register(Router router) {
        router.on("GET", V + "/sobjects/([^/]+)/updated/?", this::updated);
        router.on("GET", V + "/sobjects/([^/]+)/deleted/?", this::deleted);
    }

    private record Window(Instant start, Instant end, Instant covered) {
        boolean contains(Instant stamp) {
            return !stamp.isBefore(start) && stamp.isBefore(covered);
        }
    }

    private void updated(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = SObjectEndpoints.Lookups.readable(api, m.group(2));
        Window window = window(ex, api.org());
        List<String> ids = new ArrayList<>();
        for (StoredRecord record : changed(api, schema, window, r -> !r.isDeleted())) {
            ids.add(record.id());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ids", ids);
        body.put("latestDateCovered", Json.formatDateTime(window.covered()));
        ex.json(200, body);
    }

    private void deleted(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        ObjectSchema schema = SObjectEndpoints.Lookups.readable(api, m.group(2));
        Window window = window(ex, api.org());
        List<Map<String, Object>> deleted = new ArrayList<>();
        for (StoredRecord record : changed(api, schema, window, StoredRecord::isDeleted)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", record.id());
            item.put("deletedDate", Json.formatDateTime((Instant) record.values().get("SystemModstamp")));
            deleted.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deletedRecords", deleted);
        // Nothing is ever purged from the emulator's recycle bin, so every deletion since the org started is available.
        body.put("earliestDateAvailable", Json.formatDateTime(api.org().startedAt().truncatedTo(ChronoUnit.MINUTES)));
        body.put("latestDateCovered", Json.formatDateTime(window.covered()));
        ex.json(200, body);
    }

    private static List<StoredRecord> changed(ApiContext api, ObjectSchema schema, Window window, Predicate<StoredRecord> kind) {
        RecordStore store = api.org().store(schema.name()).orElseThrow(ApiException::notFound);
        List<StoredRecord> found = new ArrayList<>();
        for (StoredRecord record : store.all()) {
            Object stamp = record.values().get("SystemModstamp");
            if (stamp instanceof Instant instant && window.contains(instant) && kind.test(record)
                    && api.org().sharing().visible(api.org(), api.user(), record)) {
                if (found.size() == MAX_IDS) {
                    throw new ApiException(400, "EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than " + MAX_IDS
                            + " records in a single call; choose start and end dates closer together");
                }
                found.add(record);
            }
        }
        return found;
    }

    private static Window window(Exchange ex, Org org) {
        Instant start = parameter(ex, "start");
        Instant end = parameter(ex, "end");
        Instant now = org.clock().instant();
        if (!end.isAfter(start)) {
            throw new ApiException(400, "INVALID_REPLICATION_DATE", "end date must be after start date (both are taken to the minute)");
        }
        if (start.isBefore(now.minus(MAX_AGE).truncatedTo(ChronoUnit.MINUTES))) {
            throw new ApiException(400, "INVALID_REPLICATION_DATE", "startDate cannot be more than 30 days ago");
        }
        Instant currentMinute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant covered = end.isAfter(currentMinute) ? currentMinute : end;
        return new Window(start, end, covered.isBefore(start) ? start : covered);
    }

    /** Salesforce reads the date-times to the minute: the seconds given are ignored. */
    private static Instant parameter(Exchange ex, String name) {
        String text = ex.queryParam(name).filter(v -> !v.isBlank()).orElseThrow(() -> new ApiException(400, "MISSING_ARGUMENT",
                "Missing required parameter: " + name + " (a UTC date-time such as 2024-05-06T00:00:00+00:00)"));
        try {
            return OffsetDateTime.parse(text.strip().replace(' ', '+'), DATE_TIME).toInstant().truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            throw new ApiException(400, "INVALID_REPLICATION_DATE", "'" + text + "' is not a valid date-time for " + name
                    + "; write it like 2024-05-06T00:00:00+00:00");
        }
    }
}
