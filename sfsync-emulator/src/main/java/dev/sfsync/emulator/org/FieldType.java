package dev.sfsync.emulator.org;

import java.util.Locale;

/** Salesforce field types as the describe call names them, with the SOAP type each maps to. */
public enum FieldType {
    ID("id", "tns:ID"),
    STRING("string", "xsd:string"),
    TEXTAREA("textarea", "xsd:string"),
    EMAIL("email", "xsd:string"),
    PHONE("phone", "xsd:string"),
    URL("url", "xsd:string"),
    PICKLIST("picklist", "xsd:string"),
    MULTIPICKLIST("multipicklist", "xsd:string"),
    COMBOBOX("combobox", "xsd:string"),
    BOOLEAN("boolean", "xsd:boolean"),
    INT("int", "xsd:int"),
    DOUBLE("double", "xsd:double"),
    CURRENCY("currency", "xsd:double"),
    PERCENT("percent", "xsd:double"),
    DATE("date", "xsd:date"),
    DATETIME("datetime", "xsd:dateTime"),
    REFERENCE("reference", "tns:ID");

    private final String wireName;
    private final String soapType;

    FieldType(String wireName, String soapType) {
        this.wireName = wireName;
        this.soapType = soapType;
    }

    public String wireName() {
        return wireName;
    }

    public String soapType() {
        return soapType;
    }

    public boolean isText() {
        return soapType.equals("xsd:string");
    }

    public boolean isNumber() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }

    public static FieldType fromWireName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT).replace("_", "");
        for (FieldType type : values()) {
            if (type.wireName.equals(wanted)) {
                return type;
            }
        }
        if (wanted.equals("text")) {
            return STRING;
        }
        if (wanted.equals("checkbox")) {
            return BOOLEAN;
        }
        if (wanted.equals("number")) {
            return DOUBLE;
        }
        if (wanted.equals("lookup")) {
            return REFERENCE;
        }
        throw new IllegalArgumentException("unknown field type '" + name + "'; use one of string, textarea, email, phone, url, "
                + "picklist, multipicklist, boolean, int, double, currency, percent, date, datetime, reference");
    }
}
