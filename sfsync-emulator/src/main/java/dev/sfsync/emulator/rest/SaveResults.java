package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.WriteResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Write results on the wire: the single-record shapes and the sObject Collections shape. */
final class SaveResults {
    static final String ROLLED_BACK = "ALL_OR_NONE_OPERATION_ROLLED_BACK";

    private SaveResults() {
    }

    /** {@code {"id","success","errors"[,"created"]}} with errors as {@code {"statusCode","message","fields"}}. */
    static Map<String, Object> render(WriteResult result, boolean withCreated) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", result.id());
        out.put("success", result.success());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (RecordError error : result.errors()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("statusCode", error.statusCode());
            e.put("message", error.message());
            e.put("fields", error.fields());
            errors.add(e);
        }
        out.put("errors", errors);
        if (withCreated) {
            out.put("created", result.created());
        }
        return out;
    }

    /** A failed single-record call: HTTP 400 with Salesforce's error array. */
    static ApiException failure(WriteResult result) {
        List<ApiException.ErrorItem> items = new ArrayList<>();
        for (RecordError error : result.errors()) {
            items.add(new ApiException.ErrorItem(error.message(), error.statusCode(), error.fields()));
        }
        int status = result.firstError() != null && result.firstError().statusCode().equals("ENTITY_IS_DELETED") ? 404 : 400;
        return new ApiException(status, items);
    }

    /**
     * The result of a record that succeeded but was undone by allOrNone. A record it had created no longer exists, so
     * its id goes, as SaveResult's id is set only for a record that was saved; an updated or deleted one keeps its id.
     */
    static WriteResult rolledBack(WriteResult original) {
        return WriteResult.failed(original.created() ? null : original.id(), RecordError.of(ROLLED_BACK,
                "Record rolled back because not all records were valid and the request was using AllOrNone header"));
    }
}
