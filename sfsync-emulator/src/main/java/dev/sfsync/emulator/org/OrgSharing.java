package dev.sfsync.emulator.org;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The org-wide defaults and who sees which record under them: the owner, users whose profile views or modifies all
 * data, and everyone for public objects. Role hierarchies and sharing rules are not modelled; a record a user
 * cannot see is absent from their queries, as in Salesforce.
 */
public final class OrgSharing {
    private final Map<String, SharingModel> models = new ConcurrentHashMap<>();

    public SharingModel model(String object) {
        return models.getOrDefault(object.toLowerCase(Locale.ROOT), SharingModel.ReadWrite);
    }

    public void model(String object, SharingModel model) {
        models.put(object.toLowerCase(Locale.ROOT), model);
    }

    void clear() {
        models.clear();
    }

    /** Whether {@code user} can read {@code record} under the org-wide defaults and ownership. */
    public boolean visible(Org org, UserAccount user, StoredRecord record) {
        if (user == null || user.profile().has(Permission.ModifyAllData) || user.profile().has(Permission.ViewAllData)) {
            return true;
        }
        return switch (model(record.objectName())) {
            case Read, ReadWrite -> true;
            case Private -> user.id().equals(record.values().get("OwnerId"));
            case ControlledByParent -> parentVisible(org, user, record);
        };
    }

    private boolean parentVisible(Org org, UserAccount user, StoredRecord record) {
        Object accountId = record.values().get("AccountId");
        if (accountId == null) {
            // A private Contact without an Account is its owner's alone.
            return user.id().equals(record.values().get("OwnerId"));
        }
        return org.store("Account").flatMap(s -> s.get(String.valueOf(accountId))).map(a -> visible(org, user, a)).orElse(true);
    }
}
