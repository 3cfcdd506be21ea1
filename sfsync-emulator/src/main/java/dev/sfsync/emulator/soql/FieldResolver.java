package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.soql.SoqlQuery.FieldPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves field paths as the querying user sees the schema: fields hidden by field-level security and objects the
 * user cannot read do not exist, so they fail exactly like misspelt names.
 */
public final class FieldResolver {
    /** Salesforce's limit on parent relationship depth in one path. */
    public static final int MAX_RELATIONSHIP_DEPTH = 5;

    private final Org org;
    private final Profile profile;
    private final String query;

    public FieldResolver(Org org, Profile profile, String query) {
        this.org = org;
        this.profile = profile;
        this.query = query;
    }

    /** The queryable object of that name, or INVALID_TYPE as if it did not exist (platform events are never queryable). */
    public ObjectSchema object(String name, int position) {
        return readableObject(name).filter(schema -> !schema.platformEvent())
                .orElseThrow(() -> SoqlError.unsupportedType(query, position, name));
    }

    public ResolvedField resolve(ObjectSchema root, FieldPath path) {
        List<String> parts = path.parts();
        int start = 0;
        // Salesforce accepts the queried object's own name as a prefix: SELECT Account.Name FROM Account.
        if (parts.size() > 1 && parts.getFirst().equalsIgnoreCase(root.name()) && visibleRelationship(root, parts.getFirst()).isEmpty()) {
            start = 1;
        }
        if (parts.size() - 1 - start > MAX_RELATIONSHIP_DEPTH) {
            throw SoqlError.malformed(query, path.position(), "SOQL statements cannot query relationships that are more than "
                    + MAX_RELATIONSHIP_DEPTH + " levels away from the root entity object.");
        }
        ObjectSchema current = root;
        List<ResolvedField.Hop> hops = new ArrayList<>();
        StringBuilder canonical = new StringBuilder();
        for (int i = start; i < parts.size() - 1; i++) {
            String name = parts.get(i);
            ObjectSchema from = current;
            ResolvedField.Hop hop = visibleRelationship(from, name)
                    .orElseThrow(() -> SoqlError.badRelationship(query, path.position(), name));
            hops.add(hop);
            canonical.append(hop.relationshipName()).append('.');
            current = hop.target();
        }
        String fieldName = parts.getLast();
        ObjectSchema owner = current;
        FieldSchema field = visibleField(owner, fieldName)
                .orElseThrow(() -> SoqlError.noSuchColumn(query, path.position(), fieldName, owner.name()));
        return new ResolvedField(canonical + field.name(), hops, field, owner);
    }

    /** The reference field behind a relationship name the user can read, whatever it points to (polymorphic included). */
    public Optional<FieldSchema> relationship(ObjectSchema from, String relationship) {
        return from.relationship(relationship)
                .filter(reference -> profile.fieldAccess(from.name(), reference.name()).canRead())
                .filter(reference -> !reference.referenceTo().isEmpty());
    }

    private Optional<ResolvedField.Hop> visibleRelationship(ObjectSchema from, String relationship) {
        return from.relationship(relationship)
                .filter(reference -> profile.fieldAccess(from.name(), reference.name()).canRead())
                .filter(reference -> !reference.referenceTo().isEmpty())
                .flatMap(reference -> readableObject(reference.referenceTo().getFirst()).map(target -> new ResolvedField.Hop(reference, target)));
    }

    private Optional<FieldSchema> visibleField(ObjectSchema object, String name) {
        return object.field(name).filter(f -> profile.fieldAccess(object.name(), f.name()).canRead());
    }

    /** Whether the user may read the object of that name. */
    public boolean readable(String name) {
        return readableObject(name).isPresent();
    }

    private Optional<ObjectSchema> readableObject(String name) {
        return org.schema(name).filter(schema -> profile.can(schema.name(), ObjectPermission.READ));
    }
}
