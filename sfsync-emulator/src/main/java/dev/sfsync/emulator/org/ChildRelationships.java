package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The child relationships of an object: every createable reference field of any object that points to it, under the
 * name the parent uses for its children (what describe's childRelationships lists and SOQL subqueries select from).
 */
public final class ChildRelationships {
    /** One child relationship: the child object, its reference field, and the parent's name for the children. */
    public record ChildRelationship(ObjectSchema child, FieldSchema field, String relationshipName) {
    }

    private ChildRelationships() {
    }

    public static List<ChildRelationship> of(ObjectSchema parent, Iterable<ObjectSchema> allObjects) {
        List<ChildRelationship> out = new ArrayList<>();
        for (ObjectSchema child : allObjects) {
            for (FieldSchema field : child.fields()) {
                if (field.referenceTo().contains(parent.name()) && field.createable()) {
                    out.add(new ChildRelationship(child, field, name(parent, child, field)));
                }
            }
        }
        return out;
    }

    /** The relationship of that name, case-insensitively, as SOQL matches it. */
    public static Optional<ChildRelationship> named(ObjectSchema parent, Iterable<ObjectSchema> allObjects, String relationshipName) {
        return of(parent, allObjects).stream().filter(r -> r.relationshipName().equalsIgnoreCase(relationshipName)).findFirst();
    }

    /**
     * The parent's name for its children: the child's plural label (Contacts, Opportunities; Compat_Items__r for a custom
     * child). A standard object's own hierarchy is prefixed with Child, as Account.ParentId gives ChildAccounts.
     */
    public static String name(ObjectSchema parent, ObjectSchema child, FieldSchema field) {
        if (child.custom()) {
            return child.labelPlural().replace(" ", "_") + "__r";
        }
        String plural = child.labelPlural().replace(" ", "");
        return child.name().equals(parent.name()) && field.name().equals("ParentId") ? "Child" + plural : plural;
    }
}
