package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.soql.SoqlProjector;
import dev.sfsync.emulator.soql.SoqlResult;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records as the partner API writes them: {@code <records xsi:type="sf:sObject">} holding sf:type, sf:Id (nil when the
 * query did not select Id) and then every selected field in the sObject namespace; parents nest as sObjects and child
 * subqueries as QueryResults. Values are text, as the partner WSDL's open content carries them.
 */
final class PartnerRecords {
    /** Renders the projector's records with text values, ready for {@link #sObject}. */
    static final SoqlProjector.Renderer TEXT = new SoqlProjector.Renderer() {
        @Override
        public Map<String, Object> attributes(String object, String id) {
            Map<String, Object> attributes = new LinkedHashMap<>();
            attributes.put("type", object);
            return attributes;
        }

        @Override
        public Object value(FieldSchema field, Object stored) {
            return text(field, stored);
        }
    };

    /** xsd:dateTime as Salesforce's SOAP APIs write it: milliseconds and Z (REST's JSON writes +0000 instead). */
    private static final java.time.format.DateTimeFormatter DATE_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(java.time.ZoneOffset.UTC);

    private PartnerRecords() {
    }

    static String text(FieldSchema field, Object stored) {
        return switch (stored) {
            case null -> null;
            case Instant instant -> DATE_TIME.format(instant);
            case LocalDate date -> date.toString();
            case BigDecimal number when field != null && field.type() == FieldType.INT -> String.valueOf(number.longValue());
            case BigDecimal number -> {
                String plain = number.stripTrailingZeros().toPlainString();
                yield plain.contains(".") ? plain : plain + ".0";
            }
            default -> String.valueOf(stored);
        };
    }

    /** A top-level record: {@code <name xsi:type="sf:sObject">} in the partner namespace. */
    static void record(SoapWriter xml, String name, Map<String, Object> record) {
        xml.start(name).attribute("xsi", "type", SoapNamespaces.XSI, "sf:sObject");
        content(xml, record);
        xml.end();
    }

    @SuppressWarnings("unchecked")
    private static void content(SoapWriter xml, Map<String, Object> record) {
        Map<String, Object> attributes = (Map<String, Object>) record.get("attributes");
        xml.sObjectField("type", null, attributes.get("type"));
        xml.sObjectField("Id", null, record.get("Id"));
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            String name = entry.getKey();
            switch (entry.getValue()) {
                case null -> xml.sObjectField(name, null, null);
                case Map<?, ?> nested when nested.containsKey("records") -> {
                    xml.startPrefixed("sf", name, SoapNamespaces.PARTNER_SOBJECT).attribute("xsi", "type", SoapNamespaces.XSI, "QueryResult");
                    queryResult(xml, true, null, (List<Map<String, Object>>) nested.get("records"), (Integer) nested.get("totalSize"));
                    xml.end();
                }
                case Map<?, ?> nested when !name.equals("attributes") -> {
                    xml.startPrefixed("sf", name, SoapNamespaces.PARTNER_SOBJECT).attribute("xsi", "type", SoapNamespaces.XSI, "sf:sObject");
                    content(xml, (Map<String, Object>) nested);
                    xml.end();
                }
                case Map<?, ?> ignored -> {
                }
                default -> xml.sObjectField(name, null, entry.getValue());
            }
        }
    }

    /** The body of a QueryResult, in the WSDL's order: done, queryLocator, records, size. */
    static void queryResult(SoapWriter xml, boolean done, String queryLocator, List<Map<String, Object>> records, int size) {
        xml.element("done", done).element("queryLocator", queryLocator);
        records.forEach(record -> record(xml, "records", record));
        xml.element("size", size);
    }

    /** An AggregateResult record: each value typed, as the partner API types them. */
    static void aggregate(SoapWriter xml, SoqlResult.AggregateRow row) {
        xml.start("records").attribute("xsi", "type", SoapNamespaces.XSI, "sf:sObject");
        xml.sObjectField("type", null, "AggregateResult").sObjectField("Id", null, null);
        for (SoqlResult.AggregateValue value : row.values()) {
            Object text = value.value() instanceof Long count ? count : text(value.field(), value.value());
            xml.sObjectField(value.key(), value.value() == null ? null : value.soapType().replace("tns:", ""), text);
        }
        xml.end();
    }
}
