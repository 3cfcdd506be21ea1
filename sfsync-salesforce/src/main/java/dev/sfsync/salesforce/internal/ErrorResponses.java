package dev.sfsync.salesforce.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.error.ErrorCatalogue;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException.Failure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the error bodies of Salesforce's APIs, whichever the endpoint: REST's {@code [{"message","errorCode","fields"}]},
 * OAuth's {@code {"error","error_description"}}, Bulk 1.0's {@code <error><exceptionCode>…} (or its JSON twin) and SOAP
 * faults; and classifies the failure into the kind that decides what happens next.
 */
public final class ErrorResponses {
    private static final Pattern XML_CODE = Pattern.compile("<(?:\\w+:)?(?:exceptionCode|faultcode)>\\s*([^<\\s]+)\\s*</");
    private static final Pattern XML_MESSAGE = Pattern.compile("<(?:\\w+:)?(?:exceptionMessage|faultstring)>([^<]*)</", Pattern.DOTALL);

    private ErrorResponses() {
    }

    public static Failure failure(String request, int status, byte[] body) {
        List<SalesforceError> errors = parse(status, body);
        return new Failure(request, status, classify(status, errors.getFirst()), errors);
    }

    static List<SalesforceError> parse(int status, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        List<SalesforceError> errors = new ArrayList<>();
        if (text.startsWith("[") || text.startsWith("{")) {
            try {
                JsonNode root = Json.MAPPER.readTree(text);
                for (JsonNode item : root.isArray() ? root : List.of(root)) {
                    SalesforceError error = fromJson(item);
                    if (error != null) {
                        errors.add(error);
                    }
                }
            } catch (IOException notJson) {
                // Fall through to the generic error below.
            }
        } else if (text.startsWith("<")) {
            Matcher code = XML_CODE.matcher(text);
            if (code.find()) {
                Matcher message = XML_MESSAGE.matcher(text);
                String code1 = code.group(1).startsWith("sf:") ? code.group(1).substring(3) : code.group(1);
                errors.add(new SalesforceError(code1, message.find() ? unescapeXml(message.group(1).strip()) : ""));
            }
        }
        if (errors.isEmpty()) {
            String snippet = text.length() > 300 ? text.substring(0, 300) + "…" : text;
            errors.add(new SalesforceError("HTTP_" + status, snippet.isEmpty() ? "no error body" : snippet));
        }
        return errors;
    }

    private static SalesforceError fromJson(JsonNode item) {
        String code = firstText(item, "errorCode", "statusCode", "exceptionCode", "error");
        if (code == null) {
            return null;
        }
        String message = firstText(item, "message", "exceptionMessage", "error_description");
        List<String> fields = new ArrayList<>();
        item.path("fields").forEach(f -> fields.add(f.asText()));
        return new SalesforceError(code, message, fields);
    }

    /**
     * The catalogue's kind, adjusted by what only the status or message tells: a concurrency limit shares
     * REQUEST_LIMIT_EXCEEDED with the daily quota but clears in seconds; a 503 is transient whatever its code.
     */
    public static ErrorKind classify(int status, SalesforceError first) {
        ErrorKind kind = ErrorCatalogue.standard().find(first.code()).map(e -> e.kind()).orElse(ErrorKind.UNKNOWN);
        if ("REQUEST_LIMIT_EXCEEDED".equals(first.code()) && first.message().toLowerCase(Locale.ROOT).contains("concurrent")) {
            return ErrorKind.TRANSIENT;
        }
        if (status == 503 || status == 429) {
            return kind == ErrorKind.LIMIT ? kind : ErrorKind.TRANSIENT;
        }
        if (kind != ErrorKind.UNKNOWN) {
            return kind;
        }
        return switch (status) {
            case 401 -> ErrorKind.AUTHENTICATION;
            case 403 -> ErrorKind.PERMISSION;
            case 404 -> ErrorKind.NOT_FOUND;
            case 400, 405, 406, 411, 414, 415 -> ErrorKind.MALFORMED;
            default -> status >= 500 ? ErrorKind.SERVER : ErrorKind.UNKNOWN;
        };
    }

    private static String firstText(JsonNode item, String... names) {
        for (String name : names) {
            JsonNode value = item.get(name);
            if (value != null && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    private static String unescapeXml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
    }
}
