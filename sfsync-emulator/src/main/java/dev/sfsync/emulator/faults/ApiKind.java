package dev.sfsync.emulator.faults;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API a request belongs to, known from its path alone, so endpoints added later (Bulk, SOAP, Metadata) fall under
 * their API's fault rules without registering anything. Wire names are lower case: oauth, rest, bulk1, bulk2, soap.
 */
public enum ApiKind {
    /** /services/oauth2/… and the identity URL /id/…: tokens, revoke, userinfo. */
    OAUTH,
    /** /services/data/… except Bulk 2.0 jobs: sObjects, Collections, query, limits, Tooling REST. */
    REST,
    /** /services/async/…: Bulk API 1.0 jobs and batches. */
    BULK1,
    /** /services/data/vXX.X/jobs/…: Bulk API 2.0 ingest and query jobs. */
    BULK2,
    /** /services/Soap/…: the SOAP partner/enterprise APIs and the Metadata API. */
    SOAP;

    private static final Pattern BULK2_PATH = Pattern.compile("^/services/data/v[^/]+/jobs(/.*)?$");

    /** The API of a request path; empty for paths outside the APIs (the admin endpoints, the emulator's own pages). */
    public static Optional<ApiKind> ofPath(String path) {
        if (path.startsWith("/services/oauth2/") || path.startsWith("/id/")) {
            return Optional.of(OAUTH);
        }
        if (path.startsWith("/services/async/")) {
            return Optional.of(BULK1);
        }
        if (path.startsWith("/services/Soap/")) {
            return Optional.of(SOAP);
        }
        if (BULK2_PATH.matcher(path).matches()) {
            return Optional.of(BULK2);
        }
        if (path.equals("/services/data") || path.startsWith("/services/data/")) {
            return Optional.of(REST);
        }
        return Optional.empty();
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named by a wire name, ignoring case; empty when there is none. */
    public static Optional<ApiKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equalsIgnoreCase(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(ApiKind::wireName).toList());
    }
}
