package dev.sfsync.emulator.org;

import java.util.Objects;

/** One value of a picklist; inactive values still count towards the 1,000-value limit. */
public record PicklistValue(String value, String label, boolean active, boolean defaultValue) {
    public PicklistValue {
        Objects.requireNonNull(value, "value is null");
        label = label == null ? value : label;
    }

    public static PicklistValue of(String value) {
        return new PicklistValue(value, value, true, false);
    }
}
