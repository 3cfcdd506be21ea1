package dev.sfsync.emulator.bulk1;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A jobInfo or batchInfo: its element name and its fields in the order the XML schema gives them. Null fields are
 * left out of both renderings, as Salesforce leaves out an unset stateMessage or externalIdFieldName.
 */
record InfoDocument(String root, Map<String, Object> fields) {
    InfoDocument {
        Objects.requireNonNull(root, "root is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
