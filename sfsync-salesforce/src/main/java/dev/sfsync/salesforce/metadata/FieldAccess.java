package dev.sfsync.salesforce.metadata;

/** Field-level security for one field: read, and edit (which needs read). */
public record FieldAccess(boolean read, boolean edit) {
    public static final FieldAccess NONE = new FieldAccess(false, false);
    public static final FieldAccess READ = new FieldAccess(true, false);
    public static final FieldAccess EDIT = new FieldAccess(true, true);

    public FieldAccess {
        if (edit && !read) {
            throw new IllegalArgumentException("edit access to a field needs read access too");
        }
    }

    /** The broader of two grants: permission sets add up. */
    public FieldAccess or(FieldAccess other) {
        return new FieldAccess(read || other.read, edit || other.edit);
    }
}
