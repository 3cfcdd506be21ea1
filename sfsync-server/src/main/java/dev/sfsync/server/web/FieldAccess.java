package dev.sfsync.server.web;

import dev.sfsync.salesforce.describe.FieldDescribe;

/**
 * A mapped field as the connection's user sees it in the object's describe: its type, whether it can be set on
 * create and on update, and whether it is visible at all (a field hidden by field-level security, or missing, is
 * absent from the user's describe).
 */
public record FieldAccess(String field, boolean visible, String type, boolean createable, boolean updateable) {
    static FieldAccess of(String field, FieldDescribe describe) {
        if (describe == null) {
            return new FieldAccess(field, false, "", false, false);
        }
        String type = describe.type() + (describe.length() > 0 ? "(" + describe.length() + ")" : "");
        return new FieldAccess(field, true, type, describe.createable(), describe.updateable());
    }

    public String access() {
        if (!visible) {
            return "not visible to the connection's user (field-level security), or no such field";
        }
        return createable && updateable ? "create and update" : createable ? "create only" : updateable ? "update only" : "read only";
    }
}
