package dev.sfsync.salesforce.metadata;

import java.util.Objects;

/** One value of a picklist's value set as the Metadata API holds it: API name (fullName), label, whether it is active. */
public record PicklistValueSpec(String fullName, String label, boolean active) {
    public PicklistValueSpec {
        Objects.requireNonNull(fullName, "fullName is null");
        label = label == null ? fullName : label;
    }
}
