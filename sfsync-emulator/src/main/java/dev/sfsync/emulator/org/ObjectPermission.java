package dev.sfsync.emulator.org;

/** CRUD permissions on an object, as profiles and permission sets grant them. */
public enum ObjectPermission {
    READ, CREATE, EDIT, DELETE
}
