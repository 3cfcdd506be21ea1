package dev.sfsync.salesforce.describe;

/** One value of a picklist field's describe. */
public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {
}
