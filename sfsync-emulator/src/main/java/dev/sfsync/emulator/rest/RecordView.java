package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.StoredRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/** A record as GET /sobjects/{object}/{id} returns it: attributes, then every readable field or the requested ones. */
final class RecordView {
    private RecordView() {
    }

    static Map<String, Object> render(ApiContext api, StoredRecord record, String fieldList) {
        ObjectSchema schema = record.schema();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", RecordJson.attributes(api, schema.name(), record.id()));
        if (fieldList == null || fieldList.isBlank()) {
            for (FieldSchema field : schema.fields()) {
                if (api.profile().fieldAccess(schema.name(), field.name()).canRead()) {
                    out.put(field.name(), RecordJson.value(field, record.values().get(field.name())));
                }
            }
            return out;
        }
        for (String name : fieldList.split(",")) {
            FieldSchema field = schema.field(name.trim())
                    .filter(f -> api.profile().fieldAccess(schema.name(), f.name()).canRead())
                    .orElseThrow(() -> new ApiException(400, "INVALID_FIELD", "No such column '" + name.trim() + "' on entity '" + schema.name()
                            + "'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. "
                            + "Please reference your WSDL or the describe call for the appropriate names."));
            out.put(field.name(), RecordJson.value(field, record.values().get(field.name())));
        }
        return out;
    }
}
