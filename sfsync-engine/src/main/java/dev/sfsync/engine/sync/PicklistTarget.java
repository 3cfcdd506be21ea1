package dev.sfsync.engine.sync;

import java.util.Objects;

/**
 * A picklist value sync's target (mode all): the model's rows become the values of {@code object.field}, matched on
 * their API name ({@code valueColumn}), labelled from {@code labelColumn} when given.
 */
public record PicklistTarget(String field, String valueColumn, String labelColumn) {
    /** Salesforce's limit of a custom picklist: active and inactive values together. */
    public static final int MAX_VALUES = 1_000;

    public PicklistTarget {
        Objects.requireNonNull(field, "field is null");
        Objects.requireNonNull(valueColumn, "valueColumn is null");
    }
}
