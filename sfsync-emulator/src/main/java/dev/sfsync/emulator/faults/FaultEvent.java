package dev.sfsync.emulator.faults;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One injected fault, as GET /__admin/faults/log lists it. {@code call} numbers the API calls and {@code record} the
 * records checked by record rules, both counted from the last change of rules or seed, so a failing test can be
 * replayed with the same seed and calls. {@code rule} names the rule, e.g. {@code errors[1]}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FaultEvent(String fault, String rule, String api, Long call, Long record, String method, String path,
                         String object, Integer status, String errorCode, Long millis) {

    static FaultEvent onCall(String fault, String rule, ApiKind api, long call, String method, String path) {
        return new FaultEvent(fault, rule, api.wireName(), call, null, method, path, null, null, null, null);
    }

    FaultEvent withError(Integer errorStatus, String code) {
        return new FaultEvent(fault, rule, api, call, record, method, path, object, errorStatus, code, millis);
    }

    FaultEvent withMillis(long value) {
        return new FaultEvent(fault, rule, api, call, record, method, path, object, status, errorCode, value);
    }

    static FaultEvent onRecord(String rule, ApiKind api, long record, String object, String errorCode) {
        return new FaultEvent("recordError", rule, api.wireName(), null, record, null, null, object, null, errorCode, null);
    }
}
