package dev.sfsync.emulator.bulk1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.http.Json;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The fields a client sent in a jobInfo (create, close or abort), read from XML or JSON. Read-only JobInfo fields
 * are accepted and ignored, as a client may echo a jobInfo back. In XML a name that is not a JobInfo field is
 * refused; in JSON it is ignored, because clients that serialize a JobInfo bean (the WSC library under Data Loader)
 * send every property the bean has, nulls included.
 */
final class JobRequest {
    private static final Set<String> JOB_INFO_FIELDS = Set.of("apiVersion", "apexProcessingTime", "apiActiveProcessingTime",
            "assignmentRuleId", "concurrencyMode", "contentType", "createdById", "createdDate", "externalIdFieldName",
            "fastPathEnabled", "id", "numberBatchesCompleted", "numberBatchesQueued", "numberBatchesFailed",
            "numberBatchesInProgress", "numberBatchesTotal", "numberRecordsFailed", "numberRecordsProcessed", "numberRetries",
            "object", "operation", "state", "systemModstamp", "totalProcessingTime");

    private final Map<String, String> fields;

    private JobRequest(Map<String, String> fields) {
        this.fields = fields;
    }

    String field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static JobRequest read(byte[] body, WireFormat format) {
        if (body.length == 0) {
            throw AsyncApiException.unparsableJob("the request body is empty; send a jobInfo, e.g. <jobInfo xmlns=\""
                    + WireFormat.NAMESPACE + "\"><operation>insert</operation><object>Account</object><contentType>CSV</contentType></jobInfo>");
        }
        return new JobRequest(format == WireFormat.JSON ? readJson(body) : readXml(body));
    }

    private static Map<String, String> readJson(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw AsyncApiException.unparsableJob(e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (root == null || !root.isObject()) {
            throw AsyncApiException.unparsableJob("the body must be a JSON object, e.g. {\"operation\":\"insert\",\"object\":\"Account\",\"contentType\":\"JSON\"}");
        }
        Map<String, String> fields = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (JOB_INFO_FIELDS.contains(entry.getKey())) {
                fields.put(entry.getKey(), entry.getValue().isNull() ? null : entry.getValue().asText());
            }
        }
        return fields;
    }

    private static Map<String, String> readXml(byte[] body) {
        Map<String, String> fields = new HashMap<>();
        try {
            XMLStreamReader reader = XmlSupport.input().createXMLStreamReader(new ByteArrayInputStream(body));
            reader.nextTag();
            if (!reader.getLocalName().equals("jobInfo")) {
                throw AsyncApiException.unparsableJob("the root element is <" + reader.getLocalName() + ">; send <jobInfo xmlns=\"" + WireFormat.NAMESPACE + "\">");
            }
            while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = reader.getLocalName();
                accept(fields, name, reader.getElementText());
            }
        } catch (XMLStreamException e) {
            throw new AsyncApiException(ExceptionCode.InvalidXML, "The request body is not valid XML: " + e.getMessage());
        }
        return fields;
    }

    private static void accept(Map<String, String> fields, String name, String value) {
        if (!JOB_INFO_FIELDS.contains(name)) {
            throw AsyncApiException.unparsableJob("'" + name + "' is not a JobInfo field; send operation, object, contentType,"
                    + " externalIdFieldName, concurrencyMode, assignmentRuleId or state");
        }
        fields.put(name, value);
    }
}
