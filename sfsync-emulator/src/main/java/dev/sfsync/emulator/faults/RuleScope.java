package dev.sfsync.emulator.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which calls a rule applies to: one API (null: every API but OAuth, so that a client can always log in again
 * unless a rule names oauth) and, optionally, a regular expression found in the request path.
 */
public record RuleScope(ApiKind api, Pattern path) {
    public static final RuleScope EVERY_API = new RuleScope(null, null);

    public boolean matches(ApiKind call, String requestPath) {
        boolean apiMatches = api == null ? call != ApiKind.OAUTH : api == call;
        return apiMatches && (path == null || path.matcher(requestPath).find());
    }

    /** The scope's keys as the org file writes them, in a rule's map. */
    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (api != null) {
            out.put("api", api.wireName());
        }
        if (path != null) {
            out.put("path", path.pattern());
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleScope that && api == that.api
                && (path == null ? that.path == null : that.path != null && path.pattern().equals(that.path.pattern()));
    }

    @Override
    public int hashCode() {
        return 31 * (api == null ? 0 : api.hashCode()) + (path == null ? 0 : path.pattern().hashCode());
    }
}
