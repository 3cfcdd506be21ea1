package dev.sfsync.engine.fields;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Identity;
import dev.sfsync.salesforce.describe.FieldDescribe;
import dev.sfsync.salesforce.describe.SObjectDescribe;
import dev.sfsync.salesforce.error.AccessDenied;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.metadata.CustomFieldSpec;
import dev.sfsync.salesforce.metadata.FieldAccess;
import dev.sfsync.salesforce.metadata.MetadataResult;
import dev.sfsync.salesforce.retry.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the custom fields syncs declare, through the Metadata API, and makes them visible to the integration user:
 * a new field is hidden from every profile but System Administrator until field-level security grants it, which is
 * the most common reason "fields are not writing". Edit access goes to one permission set, {@value #PERMISSION_SET},
 * assigned to the connection's user. Idempotent: a field that matches its declaration, with access granted, is left alone.
 */
public final class CustomFieldCreator {
    public static final String PERMISSION_SET = "sfsync_integration";
    private static final int DESCRIBE_ATTEMPTS = 20;

    private final SalesforceClient client;
    private final Sleeper sleeper;

    public CustomFieldCreator(SalesforceClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    /** @param connection its name, for the messages */
    public List<FieldChange> apply(String connection, List<CustomFieldSpec> fields) {
        if (fields.isEmpty()) {
            return List.of();
        }
        Identity user = client.rest().userinfo();
        List<FieldChange> changes = new ArrayList<>();
        List<CustomFieldSpec> written = new ArrayList<>();
        for (CustomFieldSpec spec : fields) {
            SObjectDescribe object = client.rest().describes().refresh(spec.object());
            Optional<FieldDescribe> existing = object.field(spec.field());
            if (existing.isPresent() && matches(spec, existing.get())) {
                changes.add(new FieldChange(spec.object(), spec.field(), FieldChange.Action.UNCHANGED, false));
                continue;
            }
            MetadataResult result;
            try {
                result = client.metadata().upsertCustomField(spec);
            } catch (AccessDenied e) {
                throw new MissingCustomizePermission(connection, user.username(), profileOf(user),
                        fields.stream().map(CustomFieldSpec::fullName).toList(), e.errorCode() + " (" + e.errors().getFirst().message() + ")");
            }
            if (!result.success()) {
                SalesforceError error = result.firstError();
                if (error.code().startsWith("INSUFFICIENT_ACCESS")) {
                    throw new MissingCustomizePermission(connection, user.username(), profileOf(user), fields.stream().map(CustomFieldSpec::fullName).toList(),
                            error.code() + " (" + error.message() + ")");
                }
                throw new FieldNotCreated(spec.fullName(), error);
            }
            written.add(spec);
            changes.add(new FieldChange(spec.object(), spec.field(), existing.isPresent() || !result.created()
                    ? FieldChange.Action.UPDATED : FieldChange.Action.CREATED, false));
        }
        List<FieldChange> granted = grantAccess(user, fields, changes);
        awaitDescribe(written);
        return granted;
    }

    /** Edit access for every declared field through the sfsync permission set, assigned to the user; only what is missing is granted. */
    private List<FieldChange> grantAccess(Identity user, List<CustomFieldSpec> fields, List<FieldChange> changes) {
        String setId = null;
        List<FieldChange> out = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            CustomFieldSpec spec = fields.get(i);
            Map<String, FieldAccess> access = client.fieldSecurity().forUser(user.userId(), spec.object());
            boolean hasEdit = access.entrySet().stream().anyMatch(e -> e.getKey().equalsIgnoreCase(spec.field()) && e.getValue().edit());
            if (hasEdit) {
                out.add(changes.get(i));
                continue;
            }
            if (setId == null) {
                setId = client.fieldSecurity().ensurePermissionSet(PERMISSION_SET, "sfsync integration");
                client.fieldSecurity().assign(setId, user.userId());
            }
            var result = client.fieldSecurity().grant(setId, spec.object(), spec.field(), FieldAccess.EDIT);
            if (!result.success()) {
                throw new FieldNotCreated(spec.fullName() + " (field-level security)", result.errors().getFirst());
            }
            FieldChange change = changes.get(i);
            out.add(new FieldChange(change.object(), change.field(), change.action(), true));
        }
        return out;
    }

    /** Metadata deploys can take a moment to show in the describe; a run right after apply must see the fields. */
    private void awaitDescribe(List<CustomFieldSpec> written) {
        for (CustomFieldSpec spec : written) {
            for (int attempt = 1; client.rest().describes().refresh(spec.object()).field(spec.field()).isEmpty(); attempt++) {
                if (attempt >= DESCRIBE_ATTEMPTS) {
                    throw new FieldNotCreated(spec.fullName(), new SalesforceError("NOT_VISIBLE",
                            "the Metadata API saved the field, but the describe does not show it after " + DESCRIBE_ATTEMPTS + " tries"));
                }
                try {
                    sleeper.sleep(Duration.ofMillis(500));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + spec.fullName() + " to appear", e);
                }
            }
        }
    }

    private String profileOf(Identity user) {
        return dev.sfsync.engine.connection.UserProfile.nameOf(client, user.userId()).orElse(null);
    }

    /** Whether the org's field already is what the sync declares (type, label, size). */
    static boolean matches(CustomFieldSpec spec, FieldDescribe field) {
        String expectedType = switch (spec.type()) {
            case "Text" -> "string";
            case "Number" -> "double";
            case "Checkbox" -> "boolean";
            case "LongTextArea" -> "textarea";
            default -> spec.type().toLowerCase(java.util.Locale.ROOT);
        };
        return field.type().equalsIgnoreCase(expectedType) && field.label().equals(spec.label())
                && (spec.length() == null || spec.type().equals("LongTextArea") || field.length() == spec.length())
                && (spec.precision() == null || (field.precision() == spec.precision() && field.scale() == spec.scale()))
                && field.externalId() == spec.externalId();
    }

    /** Salesforce refused one field's definition. */
    public static final class FieldNotCreated extends dev.sfsync.core.SfsyncException {
        FieldNotCreated(String field, SalesforceError error) {
            super("Salesforce did not save " + field + ": " + error.code() + " " + error.message(),
                    "fix the field's declaration under create_fields (the message says what), then run 'sfsync apply' again");
        }
    }
}
