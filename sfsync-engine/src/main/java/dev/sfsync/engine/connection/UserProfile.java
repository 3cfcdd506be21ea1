package dev.sfsync.engine.connection;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.rest.RecordStream;

import java.util.Optional;

/** The name of a user's profile, so that a fix can say where a permission is changed. */
public final class UserProfile {
    private UserProfile() {
    }

    /** Empty when the user may not read users or profiles. */
    public static Optional<String> nameOf(SalesforceClient client, String userId) {
        try (RecordStream users = client.rest().query("SELECT ProfileId FROM User WHERE Id = '" + userId.replace("'", "") + "'")) {
            if (!users.hasNext()) {
                return Optional.empty();
            }
            Object profileId = users.next().get("ProfileId");
            try (RecordStream profiles = client.rest().query("SELECT Name FROM Profile WHERE Id = '" + String.valueOf(profileId).replace("'", "") + "'")) {
                return profiles.hasNext() ? Optional.ofNullable((String) profiles.next().get("Name")) : Optional.empty();
            }
        } catch (SalesforceException e) {
            return Optional.empty();
        }
    }
}
