package dev.sfsync.emulator.faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Fails single records of a write with a Salesforce error code (the record is not saved, the others of the call
 * are), for one API (null: every API) and one object (null: every object).
 */
public record RecordErrorRule(ApiKind api, String object, Firing firing, String errorCode, String message) {
    public RecordErrorRule {
        Objects.requireNonNull(firing, "firing is null");
        Objects.requireNonNull(errorCode, "errorCode is null");
    }

    boolean matches(ApiKind call, String objectName) {
        return (api == null || api == call) && (object == null || object.equalsIgnoreCase(objectName));
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        ErrorRule.putIfSet(json, "api", api == null ? null : api.wireName());
        ErrorRule.putIfSet(json, "object", object);
        firing.putInto(json);
        json.put("errorCode", errorCode);
        ErrorRule.putIfSet(json, "message", message);
        return json;
    }
}
