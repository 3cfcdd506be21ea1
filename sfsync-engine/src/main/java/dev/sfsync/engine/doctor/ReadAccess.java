package dev.sfsync.engine.doctor;

import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.config.ProblemLocator;
import dev.sfsync.engine.inbound.InboundSyncDefinition;
import dev.sfsync.engine.inbound.InboundSyncs;
import dev.sfsync.engine.twoway.TwoWayMapping;
import dev.sfsync.engine.twoway.TwoWaySyncDefinition;
import dev.sfsync.engine.twoway.TwoWaySyncs;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.describe.SObjectDescribe;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.rest.RecordStream;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sync that reads from Salesforce needs: the object readable by the connection's user, its fields visible
 * (the inbound column planning, reused), and which records the user can see: without View All Data or Modify All Data
 * and under a private or read-only org-wide default, records other users own do not arrive.
 */
final class ReadAccess {
    private static final ProblemLocator LOCATOR = ProblemLocator.unlocated("sfsync.yaml");

    private ReadAccess() {
    }

    /** @param inbound the inbound sync whose fields are checked; empty for a two-way sync (its mappings are checked when it runs) */
    static void check(String subject, String object, Optional<InboundSyncDefinition> inbound, SalesforceClient client, String userId,
                      Optional<String> profile, List<DoctorCheck> checks) {
        String where = profile.map(p -> "Setup > Profiles > " + p).orElse("Setup > Profiles > (the user's profile)");
        SObjectDescribe described;
        try {
            described = client.rest().describes().refresh(object);
        } catch (SalesforceException e) {
            checks.add(DoctorCheck.fail(subject, "object is readable", object + " is not visible to the user (" + e.getMessage() + ")",
                    "a Salesforce admin grants Read on " + object + " in " + where + " > Object Settings, or in a permission set assigned to the user"));
            return;
        }
        if (!described.queryable()) {
            checks.add(DoctorCheck.fail(subject, "object is readable", object + " cannot be queried by the user",
                    "a Salesforce admin grants Read on " + object + " in " + where + " > Object Settings, or in a permission set assigned to the user"));
            return;
        }
        checks.add(DoctorCheck.pass(subject, "object is readable", "the user may query " + object));
        inbound.ifPresent(sync -> {
            List<ConfigProblem> fields = InboundSyncs.columns(sync, client, LOCATOR).problems().stream()
                    .filter(p -> !p.path().endsWith(".object")).toList();
            checks.add(fields.isEmpty()
                    ? DoctorCheck.pass(subject, "fields exist and are visible (field-level security)",
                    (sync.allFields() ? "every field the user sees" : sync.fields().size() + " configured field(s)") + " can be read")
                    : DoctorCheck.fail(subject, "fields exist and are visible (field-level security)",
                    String.join("; ", fields.stream().map(p -> p.path() + ": " + p.message()).toList()),
                    String.join("; ", fields.stream().map(ConfigProblem::fix).distinct().toList())));
        });
        checks.add(sharing(subject, object, client, userId, profile));
    }

    /** A two-way sync's fields checked both ways: read for every mapping, edit too for those flowing outbound or both. */
    static void checkTwoWayFields(String subject, TwoWaySyncDefinition sync, SalesforceClient client, Optional<String> profile, List<DoctorCheck> checks) {
        String check = "mapped fields flow their directions (field-level security both ways)";
        List<ConfigProblem> problems = TwoWaySyncs.fieldProblems(sync, client, LOCATOR);
        long outbound = sync.mappings().stream().filter(m -> m.direction() != TwoWayMapping.Direction.INBOUND).count();
        checks.add(problems.isEmpty()
                ? DoctorCheck.pass(subject, check, sync.mappings().size() + " mapped field(s) readable, " + outbound + " of them updateable for outbound or both")
                : DoctorCheck.fail(subject, check, String.join("; ", problems.stream().map(p -> p.path() + ": " + p.message()).toList()),
                String.join("; ", problems.stream().map(ConfigProblem::fix).distinct().toList())
                        + profile.map(p -> " (the user's profile is '" + p + "')").orElse("")));
    }

    /** Never a failure: the sync works, but may bring fewer records than the org holds; the check says so and how to change it. */
    private static DoctorCheck sharing(String subject, String object, SalesforceClient client, String userId, Optional<String> profile) {
        String check = "records owned by others are visible (sharing)";
        Optional<Map<String, Object>> permissions = profilePermissions(client, userId);
        if (permissions.isPresent() && (Boolean.TRUE.equals(permissions.get().get("PermissionsViewAllData"))
                || Boolean.TRUE.equals(permissions.get().get("PermissionsModifyAllData")))) {
            return DoctorCheck.pass(subject, check, "the user's profile has View All Data, so every " + object + " record arrives whatever its owner");
        }
        if (viewsAllRecords(client, userId, object)) {
            return DoctorCheck.pass(subject, check, "a permission set of the user grants View All on " + object + ", so every record arrives whatever its owner");
        }
        Optional<String> owd = orgWideDefault(client, object);
        if (owd.isPresent() && (owd.get().equals("ReadWrite") || owd.get().equals("Read") || owd.get().equals("ReadWriteTransfer")
                || owd.get().equals("FullAccess"))) {
            return DoctorCheck.pass(subject, check, "the org-wide default of " + object + " is public (" + owd.get() + "), so every record arrives");
        }
        String who = permissions.isPresent() ? "the user's profile" + profile.map(p -> " '" + p + "'").orElse("") + " has neither View All Data nor Modify All Data"
                : "the user's system permissions cannot be read (the user may not query Profile)";
        return DoctorCheck.pass(subject, check, "caveat: " + who + ", and the org-wide default of " + object + " is "
                + owd.orElse("not readable here (it matters when Private or Public Read Only)") + ": " + object + " records owned by other users"
                + " may not arrive (Salesforce leaves them out of the user's queries). To bring them, a Salesforce admin grants 'View All' on "
                + object + " (or 'View All Data') to the user's profile or a permission set, or shares the records with the user"
                + " (sharing rules, role hierarchy), or sets the org-wide default to Public Read Only; 'sfsync why-missing' explains one record");
    }

    private static Optional<Map<String, Object>> profilePermissions(SalesforceClient client, String userId) {
        try (RecordStream users = client.rest().query("SELECT ProfileId FROM User WHERE Id = '" + userId.replace("'", "") + "'")) {
            if (!users.hasNext()) {
                return Optional.empty();
            }
            String profileId = String.valueOf(users.next().get("ProfileId")).replace("'", "");
            try (RecordStream profiles = client.rest().query("SELECT PermissionsViewAllData, PermissionsModifyAllData FROM Profile WHERE Id = '"
                    + profileId + "'")) {
                return profiles.hasNext() ? Optional.of(profiles.next()) : Optional.empty();
            }
        } catch (SalesforceException e) {
            return Optional.empty();
        }
    }

    /** The object's View All (or Modify All) from any permission set assigned to the user, profile-owned ones included; false where the org does not answer. */
    private static boolean viewsAllRecords(SalesforceClient client, String userId, String object) {
        try (RecordStream grants = client.rest().query("SELECT Id FROM ObjectPermissions WHERE SobjectType = '" + object.replace("'", "")
                + "' AND (PermissionsViewAllRecords = true OR PermissionsModifyAllRecords = true) AND ParentId IN"
                + " (SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '" + userId.replace("'", "") + "')")) {
            return grants.hasNext();
        } catch (SalesforceException e) {
            return false;
        }
    }

    /** EntityDefinition.InternalSharingModel, as Salesforce documents it; empty where the org does not answer. */
    private static Optional<String> orgWideDefault(SalesforceClient client, String object) {
        try (RecordStream entities = client.rest().query("SELECT InternalSharingModel FROM EntityDefinition WHERE QualifiedApiName = '"
                + object.replace("'", "") + "'")) {
            return entities.hasNext() ? Optional.ofNullable(entities.next().get("InternalSharingModel")).map(String::valueOf) : Optional.empty();
        } catch (SalesforceException e) {
            return Optional.empty();
        }
    }
}
