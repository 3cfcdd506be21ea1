package dev.sfsync.emulator.org;

/** The system permissions the emulator enforces (Salesforce's API names of the same permissions). */
public enum Permission {
    /** "API Enabled": without it every API call fails with API_DISABLED_FOR_ORG. */
    ApiEnabled,
    /** "Modify All Data": full access to every object and field. */
    ModifyAllData,
    /** "View All Data": reads every record whatever the org-wide defaults and ownership. */
    ViewAllData,
    /** "Customize Application": needed to create or change fields through the Metadata and Tooling APIs. */
    CustomizeApplication,
    /** "View Setup and Configuration". */
    ViewSetup,
    /** "Bulk API Hard Delete": needed to create a Bulk API hardDelete job (1.0 or 2.0), which skips the Recycle Bin. */
    BulkApiHardDelete
}
