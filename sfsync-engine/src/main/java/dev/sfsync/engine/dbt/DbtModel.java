package dev.sfsync.engine.dbt;

import java.util.List;
import java.util.Objects;

/**
 * A dbt model as the project's manifest describes it: where it is materialised, and the column(s) a test or
 * constraint declares unique, if any.
 *
 * @param name      the model's name in dbt
 * @param relation  the fully qualified relation, quoted as dbt quotes it (e.g. {@code "analytics"."marts"."dim_accounts"})
 * @param uniqueKey the columns of its {@code unique} or {@code unique_combination_of_columns} test, or of its
 *                  primary-key constraint; empty when none is declared
 * @param sqlFile   its SQL file, relative to the dbt project
 */
public record DbtModel(String name, String relation, List<String> uniqueKey, String sqlFile) {
    public DbtModel {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(relation, "relation is null");
        uniqueKey = List.copyOf(uniqueKey);
    }

    /** The query a sync's model runs: the whole relation, so the sync follows the dbt model wherever dbt builds it. */
    public String sql() {
        return "select * from " + relation;
    }
}
