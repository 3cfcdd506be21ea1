package dev.sfsync.core.change;

import java.util.Objects;

/**
 * A row's value in a column whose values must be unique across the model (a match column) that other rows of the
 * model hold too. Both counts are given because whether case matters is Salesforce's to say, field by field.
 *
 * @param column           the model's column, as the model spells it
 * @param rows             rows of the whole model holding exactly this value, this row included (1 when only
 *                         case variants repeat it)
 * @param rowsIgnoringCase rows of the whole model holding this value when case is ignored, this row included
 */
public record SharedValue(String column, long rows, long rowsIgnoringCase) {
    public SharedValue {
        Objects.requireNonNull(column, "column is null");
        if (rows < 1 || rowsIgnoringCase < rows || rowsIgnoringCase < 2) {
            throw new IllegalArgumentException("a value shared by " + rows + " row(s), " + rowsIgnoringCase
                    + " ignoring case, is not shared: need 1 <= rows <= rowsIgnoringCase and rowsIgnoringCase >= 2");
        }
    }

    /** How many rows hold the value as Salesforce compares it: exactly when the field is case-sensitive. */
    public long rows(boolean caseSensitive) {
        return caseSensitive ? rows : rowsIgnoringCase;
    }
}
