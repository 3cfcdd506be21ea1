package dev.sfsync.emulator.org;

/** Field-level security of one field for one profile. */
public enum Access {
    NONE, READ, EDIT;

    public boolean canRead() {
        return this != NONE;
    }

    public boolean canEdit() {
        return this == EDIT;
    }
}
