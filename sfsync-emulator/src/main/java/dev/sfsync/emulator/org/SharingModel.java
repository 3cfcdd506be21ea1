package dev.sfsync.emulator.org;

/**
 * An object's organization-wide default: how much of the records they do not own users see, as Salesforce's
 * sharing settings name it (CustomObject's {@code sharingModel}). {@link #ReadWrite} (Public Read/Write) is the default.
 */
public enum SharingModel {
    /** Only the owner (and users who view all data) sees a record. */
    Private,
    /** Public Read Only: everyone sees every record. */
    Read,
    /** Public Read/Write. */
    ReadWrite,
    /** A child (Contact) is visible when its parent Account is. */
    ControlledByParent
}
