package dev.sfsync.engine.inbound;

import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.config.ProblemLocator;
import dev.sfsync.salesforce.describe.FieldDescribe;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of an inbound table, from the object's describe as the connection's user sees it: Id, SystemModstamp
 * and IsDeleted first (what the cursor and deletes need), the sync's fields, then sfsync's {@code _sfsync_seen_at}.
 * A field the describe does not show is missing or hidden from the user by field-level security; both are refused.
 */
public final class InboundColumns {
    static final List<String> SYSTEM_FIELDS = List.of("Id", "SystemModstamp", "IsDeleted");

    private final List<InboundColumn> columns;

    InboundColumns(List<InboundColumn> columns) {
        this.columns = List.copyOf(columns);
    }

    /** The columns, or the problems that stop the sync (each located in sfsync.yaml). */
    public record Planned(Optional<InboundColumns> columns, List<ConfigProblem> problems) {
    }

    public static Planned plan(InboundSyncDefinition sync, SObjectDescribe object, ProblemLocator locator) {
        String path = "inbound." + sync.name();
        List<ConfigProblem> problems = new ArrayList<>();
        if (!object.queryable()) {
            problems.add(locator.problem(path + ".object", object.name() + " cannot be queried", "copy an object the API can query"));
        }
        Map<String, InboundColumn> byName = new LinkedHashMap<>();
        for (String system : SYSTEM_FIELDS) {
            Optional<FieldDescribe> field = object.field(system);
            if (field.isEmpty()) {
                problems.add(locator.problem(path + ".object", object.name() + " has no " + system + " field, which an inbound sync reads its changes by",
                        "copy an object that records SystemModstamp (every standard and custom object does; external objects do not)"));
            } else {
                add(byName, field.get());
            }
        }
        if (sync.allFields()) {
            for (FieldDescribe field : object.fields()) {
                if (ColumnType.of(field.type(), field.precision(), field.scale()) != null) {
                    add(byName, field);
                }
            }
        } else {
            for (String name : sync.fields()) {
                Optional<FieldDescribe> field = object.field(name);
                if (field.isEmpty()) {
                    problems.add(locator.problem(path + ".fields", object.name() + "." + name + " is missing, or hidden from the connection's user by field-level security",
                            "check the API name in Setup -> Object Manager -> " + object.name() + "; if it exists, grant Read on it in Setup -> Profiles -> "
                                    + "[the user's profile] -> Field-Level Security (or a permission set), or connect as a System Administrator"));
                } else if (ColumnType.of(field.get().type(), field.get().precision(), field.get().scale()) == null) {
                    problems.add(locator.problem(path + ".fields", object.name() + "." + field.get().name() + " is a " + field.get().type()
                            + " field, which queries cannot return as one column", "list its component fields instead (e.g. MailingStreet, MailingCity)"));
                } else {
                    add(byName, field.get());
                }
            }
        }
        byName.put(InboundColumn.SEEN_AT.name(), InboundColumn.SEEN_AT);
        return problems.isEmpty() ? new Planned(Optional.of(new InboundColumns(new ArrayList<>(byName.values()))), List.of())
                : new Planned(Optional.empty(), problems);
    }

    private static void add(Map<String, InboundColumn> byName, FieldDescribe field) {
        ColumnType type = ColumnType.of(field.type(), field.precision(), field.scale());
        byName.putIfAbsent(field.name().toLowerCase(Locale.ROOT), InboundColumn.of(field.name(), type, field.precision(), field.scale()));
    }

    List<InboundColumn> all() {
        return columns;
    }

    /** Columns filled from Salesforce fields, in SELECT order. */
    List<InboundColumn> fromFields() {
        return columns.stream().filter(c -> c.field() != null).toList();
    }

    /** The SELECT list of the object's query. */
    String selectList() {
        return String.join(", ", fromFields().stream().map(InboundColumn::field).toList());
    }

    public List<String> fieldNames() {
        return fromFields().stream().map(InboundColumn::field).toList();
    }
}
