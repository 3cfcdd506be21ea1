package dev.sfsync.salesforce.error;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every error code this client knows, read once from {@code error-catalogue.json}: its kind (which says whether to
 * retry), whether it is reported per record, and an explanation and fix in our own words. The CLI, the UI and row
 * outcomes all explain errors from this one table.
 */
public final class ErrorCatalogue {
    private static final String RESOURCE = "error-catalogue.json";
    private static final ErrorCatalogue STANDARD = load();

    private final Map<String, ErrorExplanation> byCode;

    private ErrorCatalogue(Map<String, ErrorExplanation> byCode) {
        this.byCode = Collections.unmodifiableMap(byCode);
    }

    public static ErrorCatalogue standard() {
        return STANDARD;
    }

    /** The entry for a code; SOAP's "sf:" prefix is ignored and OAuth's lower-case codes are matched as they are. */
    public Optional<ErrorExplanation> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String bare = code.startsWith("sf:") ? code.substring(3) : code;
        ErrorExplanation exact = byCode.get(bare);
        return exact != null ? Optional.of(exact) : Optional.ofNullable(byCode.get(bare.toUpperCase(Locale.ROOT)));
    }

    /** Like {@link #find} but never empty: an unknown code gets a generic, non-retryable entry. */
    public ErrorExplanation explain(String code) {
        return find(code).orElseGet(() -> ErrorExplanation.unknown(code));
    }

    public Map<String, ErrorExplanation> all() {
        return byCode;
    }

    private static ErrorCatalogue load() {
        try (InputStream in = ErrorCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the sfsync-salesforce jar; rebuild the module");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, ErrorExplanation> entries = new LinkedHashMap<>();
            for (JsonNode entry : root.path("errors")) {
                String code = entry.path("code").asText();
                ErrorExplanation explanation = new ErrorExplanation(code, ErrorKind.valueOf(entry.path("kind").asText()),
                        entry.path("recordLevel").asBoolean(false), entry.path("explanation").asText(), entry.path("fix").asText());
                if (entries.put(code, explanation) != null) {
                    throw new IllegalStateException(RESOURCE + " lists " + code + " twice; keep one entry");
                }
            }
            return new ErrorCatalogue(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
