package dev.sfsync.benchmarks;

import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What an HTTP call to Salesforce was for, read from its method and path, so a run's API log can be shown next to the
 * minimum: the calls that write (Collections, job create, upload, close, results) and the overhead (logins, describes,
 * polls, queries).
 */
enum ApiCallKind {
    LOGIN("login"), DESCRIBE("describe"), COLLECTIONS("collections"), QUERY("query"), JOB_CREATE("job create"), UPLOAD("upload"),
    CLOSE("close"), POLL("poll"), RESULTS("results"), OTHER("other");

    private final String label;

    ApiCallKind(String label) {
        this.label = label;
    }

    static ApiCallKind of(String method, String url) {
        String path = URI.create(url).getPath();
        if (path.startsWith("/services/oauth2/")) {
            return LOGIN;
        }
        if (path.contains("/jobs/ingest")) {
            return bulk2(method, path);
        }
        if (path.startsWith("/services/async/")) {
            return bulk1(method, path);
        }
        if (path.contains("/composite/sobjects")) {
            return COLLECTIONS;
        }
        if (path.endsWith("/describe") || path.endsWith("/describe/") || path.endsWith("/sobjects") || path.endsWith("/sobjects/")) {
            return DESCRIBE;
        }
        return path.contains("/query") ? QUERY : OTHER;
    }

    /** POST jobs/ingest, PUT …/batches, PATCH jobs/ingest/ID, GET jobs/ingest/ID, GET …/successfulResults etc. */
    private static ApiCallKind bulk2(String method, String path) {
        String tail = path.substring(path.indexOf("/jobs/ingest") + "/jobs/ingest".length());
        return switch (method) {
            case "POST" -> JOB_CREATE;
            case "PUT" -> UPLOAD;
            case "PATCH" -> CLOSE;
            case "GET" -> tail.matches("/?[^/]*/?") ? POLL : RESULTS;
            default -> OTHER;
        };
    }

    /** POST …/job, POST …/job/ID/batch, POST …/job/ID (state Closed), GET …/batch/ID/result, GET job or batch info. */
    private static ApiCallKind bulk1(String method, String path) {
        if (method.equals("POST")) {
            return path.endsWith("/job") ? JOB_CREATE : path.endsWith("/batch") ? UPLOAD : CLOSE;
        }
        return path.contains("/result") ? RESULTS : POLL;
    }

    /** e.g. "1 describe, 5 job create, 5 upload, 5 close, 12 poll, 15 results" (kinds in call order, zeros left out). */
    static String render(Map<ApiCallKind, Long> counts) {
        StringJoiner text = new StringJoiner(", ");
        new EnumMap<>(counts).forEach((kind, count) -> {
            if (count > 0) {
                text.add(count + " " + kind.label);
            }
        });
        return text.length() == 0 ? "none" : text.toString();
    }
}
