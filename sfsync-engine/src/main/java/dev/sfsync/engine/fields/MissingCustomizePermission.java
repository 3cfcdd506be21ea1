package dev.sfsync.engine.fields;

import dev.sfsync.core.SfsyncException;

import java.util.List;

/** The connected user may not create fields through the Metadata API: an admin must grant a permission, or create them by hand. */
public final class MissingCustomizePermission extends SfsyncException {
    MissingCustomizePermission(String connection, String username, String profile, List<String> fields, String salesforceSaid) {
        super("the user of connection '" + connection + "' (" + username + (profile == null ? "" : ", profile '" + profile + "'")
                        + ") may not create custom fields: Salesforce answered " + salesforceSaid + "; fields not created: " + String.join(", ", fields),
                "a Salesforce admin grants 'Customize Application' and 'Modify All Data' (or 'Modify Metadata Through Metadata API Functions') to "
                        + (profile == null ? "the user's profile" : "profile '" + profile + "'") + " or a permission set assigned to the user"
                        + " (Setup > Permission Sets), then run 'sfsync apply' again; or reconnect as a System Administrator; or create the"
                        + " fields by hand (Setup > Object Manager > the object > Fields & Relationships > New) with these API names");
    }
}
