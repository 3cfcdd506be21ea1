package dev.sfsync.engine.validate;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.describe.SObjectDescribe;
import dev.sfsync.salesforce.describe.SObjectSummary;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceException;

import java.util.List;
import java.util.Optional;

/** The org's objects as the connected user sees them; describes are cached by the client for the client's life. */
public interface OrgSchema {
    /** The object's describe, or empty when the org has no such object (or hides it from this user). */
    Optional<SObjectDescribe> describe(String object);

    /** Every object's API name, for "did you mean" suggestions. */
    List<String> objectNames();

    static OrgSchema of(SalesforceClient client) {
        return new OrgSchema() {
            @Override
            public Optional<SObjectDescribe> describe(String object) {
                try {
                    return Optional.of(client.rest().describes().describe(object));
                } catch (SalesforceException e) {
                    if (e.kind() == ErrorKind.NOT_FOUND) {
                        return Optional.empty();
                    }
                    throw e;
                }
            }

            @Override
            public List<String> objectNames() {
                return client.rest().describes().describeGlobal().sobjects().stream().map(SObjectSummary::name).toList();
            }
        };
    }
}
