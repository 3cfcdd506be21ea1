package dev.sfsync.engine.twoway;

import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.config.ProblemLocator;
import dev.sfsync.salesforce.describe.FieldDescribe;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Fields that cannot flow the way they are mapped, refused before anything is read or written: a formula or other
 * read-only field outbound, a field the connection's user cannot read (hidden by field-level security, or missing)
 * in any direction, and columns the table lacks.
 */
final class TwoWayValidation {
    private TwoWayValidation() {
    }

    static List<ConfigProblem> problems(TwoWaySyncDefinition sync, SObjectDescribe object, Set<String> tableColumns, ProblemLocator locator) {
        String path = "two_way." + sync.name();
        List<ConfigProblem> problems = new ArrayList<>();
        for (String column : columns(sync)) {
            if (!tableColumns.contains(column.toLowerCase(Locale.ROOT))) {
                problems.add(locator.problem(path, "table " + sync.table() + " has no column " + column,
                        "add it (the Salesforce Id column holds 18 characters: " + sync.idColumn() + " VARCHAR) or fix the name"));
            }
        }
        problems.addAll(fieldProblems(sync, object, locator));
        return problems;
    }

    /** The match field and each mapped field against the describe the connection's user gets: readable, and updateable when it flows outbound. */
    static List<ConfigProblem> fieldProblems(TwoWaySyncDefinition sync, SObjectDescribe object, ProblemLocator locator) {
        String path = "two_way." + sync.name();
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<FieldDescribe> match = object.field(sync.matchField());
        if (match.isEmpty()) {
            problems.add(hidden(locator, path + ".match.field", object, sync.matchField()));
        } else if (!sync.matchesByEmail() && !match.get().externalId() && !match.get().idLookup()) {
            problems.add(locator.problem(path + ".match.field", object.name() + "." + match.get().name() + " is neither Email nor an external ID field",
                    "match on Email, or mark the field External ID in Salesforce so records can be found by it"));
        }
        for (int i = 0; i < sync.mappings().size(); i++) {
            TwoWayMapping mapping = sync.mappings().get(i);
            String itemPath = path + ".mappings[" + i + "]";
            Optional<FieldDescribe> field = object.field(mapping.field());
            if (field.isEmpty()) {
                problems.add(hidden(locator, itemPath + ".field", object, mapping.field()));
                continue;
            }
            FieldDescribe f = field.get();
            if (mapping.direction().outbound() && !f.updateable()) {
                String why = f.calculated() ? "a formula field: Salesforce computes it" : f.autoNumber() ? "an auto-number field: Salesforce numbers it"
                        : "read-only for the connection's user (field-level security gives Read, not Edit, or Salesforce sets it)";
                problems.add(locator.problem(itemPath + ".direction", object.name() + "." + f.name() + " cannot flow outbound: it is " + why,
                        f.calculated() || f.autoNumber() ? "make it direction: inbound" : "grant Edit on it in Setup -> Profiles -> [the user's profile] -> "
                                + "Field-Level Security (or a permission set), or make it direction: inbound"));
            }
        }
        return problems;
    }

    private static ConfigProblem hidden(ProblemLocator locator, String path, SObjectDescribe object, String field) {
        return locator.problem(path, object.name() + "." + field + " is missing, or hidden from the connection's user by field-level security, so it"
                        + " cannot flow either way", "check the API name; if it exists, grant Read (Edit to write it) in Setup -> Profiles -> "
                        + "[the user's profile] -> Field-Level Security, or assign a permission set");
    }

    static List<String> columns(TwoWaySyncDefinition sync) {
        List<String> columns = new ArrayList<>(List.of(sync.keyColumn(), sync.idColumn(), sync.matchColumn()));
        sync.updatedAtColumn().ifPresent(columns::add);
        sync.mappings().forEach(m -> columns.add(m.column()));
        return columns.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList();
    }
}
