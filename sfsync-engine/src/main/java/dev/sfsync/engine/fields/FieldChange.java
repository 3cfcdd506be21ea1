package dev.sfsync.engine.fields;

/**
 * What 'sfsync apply' did to one custom field a sync declares.
 *
 * @param action     CREATED, UPDATED (brought to the declared definition) or UNCHANGED
 * @param flsGranted whether edit access was granted now (false: the integration user already had it)
 */
public record FieldChange(String object, String field, Action action, boolean flsGranted) {
    public enum Action { CREATED, UPDATED, UNCHANGED }

    public boolean changedAnything() {
        return action != Action.UNCHANGED || flsGranted;
    }
}
