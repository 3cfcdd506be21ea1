package dev.sfsync.engine.doctor;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.connection.ConnectionCheck;
import dev.sfsync.engine.connection.ConnectionReport;
import dev.sfsync.engine.connection.Logins;
import dev.sfsync.engine.plan.Plan;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.engine.quota.QuotaReport;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Identity;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.observe.ExchangeListener;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The troubleshooting checklist, run against what Salesforce shows the connection's user: the login and the user
 * (active, API access), each sync's object permissions and mapped fields (the pre-run validation, reused), the rows
 * local checks would reject (the plan), and the API quota against what the next runs would cost.
 */
public final class Doctor {
    private final ProjectConfig config;
    private final SyncProject project;
    private final Logins logins;
    private final ConnectionCheck connections;
    private final Clock clock;

    public Doctor(ProjectConfig config, SyncProject project, Logins logins, Clock clock) {
        this.config = config;
        this.project = project;
        this.logins = logins;
        this.connections = new ConnectionCheck(project.store(), logins, clock);
        this.clock = clock;
    }

    /** @param target a sync or a connection name, or null for everything; throws IllegalArgumentException for an unknown name */
    public List<DoctorCheck> examine(String target) {
        List<String> connectionNames = new ArrayList<>();
        List<String> syncNames = new ArrayList<>();
        if (target == null) {
            connectionNames.addAll(config.connections().keySet());
            syncNames.addAll(config.syncs().keySet());
            syncNames.addAll(config.inbound().keySet());
            syncNames.addAll(config.twoWay().keySet());
        } else if (config.syncs().containsKey(target)) {
            syncNames.add(target);
            connectionNames.add(config.syncs().get(target).connection());
        } else if (config.inbound().containsKey(target) || config.twoWay().containsKey(target)) {
            syncNames.add(target);
            connectionNames.add(config.inbound().containsKey(target) ? config.inbound().get(target).connection() : config.twoWay().get(target).connection());
        } else if (config.connections().containsKey(target)) {
            connectionNames.add(target);
            syncNames.addAll(syncsOf(target));
            syncNames.addAll(readingSyncsOf(target));
        } else {
            throw new IllegalArgumentException("the project has no sync or connection named '" + target + "'; syncs: "
                    + config.syncs().keySet() + (config.inbound().isEmpty() ? "" : ", inbound syncs: " + config.inbound().keySet())
                    + (config.twoWay().isEmpty() ? "" : ", two-way syncs: " + config.twoWay().keySet()) + ", connections: " + config.connections().keySet());
        }
        List<DoctorCheck> checks = new ArrayList<>();
        for (String name : connectionNames) {
            ConnectionConfig connection = config.connections().get(name);
            boolean usable = checkConnection(connection, checks);
            List<String> syncs = syncNames.stream().filter(s -> config.syncs().containsKey(s) && config.syncs().get(s).connection().equals(name)).toList();
            long nextRunsCost = 0;
            for (String sync : syncs) {
                if (usable) {
                    nextRunsCost += checkSync(config.syncs().get(sync), checks);
                } else {
                    checks.add(DoctorCheck.fail("sync " + sync, "checks against the org", "skipped: connection '" + name + "' cannot be used",
                            "fix the connection first (above)"));
                }
            }
            List<String> reading = syncNames.stream().filter(readingSyncsOf(name)::contains).toList();
            if (usable) {
                checkReadingSyncs(connection, reading, checks);
            } else {
                reading.forEach(sync -> checks.add(DoctorCheck.fail("sync " + sync, "checks against the org", "skipped: connection '" + name
                        + "' cannot be used", "fix the connection first (above)")));
            }
            if (usable) {
                checks.add(quota(connection, nextRunsCost));
            }
        }
        return checks;
    }

    private List<String> syncsOf(String connection) {
        return config.syncs().values().stream().filter(s -> s.connection().equals(connection)).map(SyncDefinition::name).toList();
    }

    /** The inbound and two-way syncs of a connection: those that read records from Salesforce. */
    private List<String> readingSyncsOf(String connection) {
        List<String> names = new ArrayList<>();
        config.inbound().values().stream().filter(s -> s.connection().equals(connection)).forEach(s -> names.add(s.name()));
        config.twoWay().values().stream().filter(s -> s.connection().equals(connection)).forEach(s -> names.add(s.name()));
        return names;
    }

    /** Object readable, fields visible and the sharing caveat for each sync that reads from Salesforce. */
    private void checkReadingSyncs(ConnectionConfig connection, List<String> syncs, List<DoctorCheck> checks) {
        if (syncs.isEmpty()) {
            return;
        }
        try (SalesforceClient client = logins.client(connection, ExchangeListener.NONE)) {
            String userId = client.rest().userinfo().userId();
            java.util.Optional<String> profile = dev.sfsync.engine.connection.UserProfile.nameOf(client, userId);
            for (String sync : syncs) {
                dev.sfsync.engine.inbound.InboundSyncDefinition inbound = config.inbound().get(sync);
                String object = inbound != null ? inbound.object() : config.twoWay().get(sync).object();
                try {
                    ReadAccess.check("sync " + sync, object, java.util.Optional.ofNullable(inbound), client, userId, profile, checks);
                    if (inbound == null) {
                        ReadAccess.checkTwoWayFields("sync " + sync, config.twoWay().get(sync), client, profile, checks);
                    }
                } catch (SalesforceException | SfsyncException e) {
                    checks.add(DoctorCheck.fail("sync " + sync, "checks against the org", e.getMessage(), "sfsync validate --remote"));
                }
            }
        } catch (SalesforceException | SfsyncException e) {
            syncs.forEach(sync -> checks.add(DoctorCheck.fail("sync " + sync, "checks against the org", "cannot read the user: " + e.getMessage(),
                    "sfsync connections")));
        }
    }

    /** Login, API reachable, user active; true when syncs can be checked through it. */
    private boolean checkConnection(ConnectionConfig connection, List<DoctorCheck> checks) {
        String subject = "connection " + connection.name();
        ConnectionReport report = connections.check(connection, syncsOf(connection.name()), true);
        if (!report.state().usable()) {
            checks.add(DoctorCheck.fail(subject, "login and API access", report.state().label() + ": " + report.why(), report.fix()));
            return false;
        }
        checks.add(DoctorCheck.pass(subject, "login and API access", "logged in as " + report.username() + " to org " + report.orgId()
                + " (" + report.instanceUrl() + "); the API answers, so API Enabled is granted and no IP range or login hours block it"));
        try (SalesforceClient client = logins.client(connection, ExchangeListener.NONE)) {
            Identity identity = client.rest().userinfo();
            checks.add(identity.active()
                    ? DoctorCheck.pass(subject, "user is active", identity.username() + " is active")
                    : DoctorCheck.fail(subject, "user is active", identity.username() + " is deactivated",
                    "an admin reactivates the user (Setup > Users), or 'sfsync reconnect " + connection.name() + "' as an active user"));
            dev.sfsync.engine.connection.UserProfile.nameOf(client, identity.userId()).ifPresent(profile -> checks.add(DoctorCheck.pass(subject, "user's profile",
                    "'" + profile + "': object and field permissions below come from it and the user's permission sets")));
        } catch (SalesforceException | SfsyncException e) {
            checks.add(DoctorCheck.fail(subject, "user is active", "cannot read the user: " + e.getMessage(), "sfsync connections"));
        }
        return true;
    }

    /** The sync's object permissions and fields (the pre-run validation) and the rows local checks would reject (the plan). */
    private long checkSync(SyncDefinition sync, List<DoctorCheck> checks) {
        String subject = "sync " + sync.name();
        List<dev.sfsync.salesforce.metadata.CustomFieldSpec> declared = config.createFields().getOrDefault(sync.name(), List.of());
        if (!declared.isEmpty()) {
            checks.add(customFields(subject, config.connections().get(sync.connection()), declared));
        }
        List<ConfigProblem> problems;
        try {
            problems = project.validateRemote(sync.name());
        } catch (SalesforceException | SfsyncException e) {
            checks.add(DoctorCheck.fail(subject, "checks against the org", e.getMessage(), "sfsync validate --remote"));
            return 0;
        }
        Map<Boolean, List<ConfigProblem>> byKind = problems.stream().collect(Collectors.partitioningBy(Doctor::aboutObject));
        checks.add(result(subject, "object permissions for mode " + sync.mode().name().toLowerCase(java.util.Locale.ROOT)
                + ", on_delete " + sync.onDelete().name().toLowerCase(java.util.Locale.ROOT), byKind.get(true),
                "the user may " + verbs(sync) + " " + sync.object() + " records"));
        checks.add(result(subject, "mapped fields exist, are visible (field-level security) and writable", byKind.get(false),
                sync.mappings().size() + " mapped field(s) and the match field are visible and writable as mode " + sync.mode().name().toLowerCase(java.util.Locale.ROOT) + " needs"));
        if (!problems.isEmpty()) {
            return 0;
        }
        try {
            Plan plan = project.plan(sync.name());
            checks.add(plan.rejected() == 0
                    ? DoctorCheck.pass(subject, "rows pass required fields, types and validation checks", plan.changes().total() + " changed row(s), none rejected")
                    : DoctorCheck.fail(subject, "rows pass required fields, types and validation checks", plan.rejected() + " row(s) would be rejected: "
                    + plan.rejectedByCode(), "sfsync plan " + sync.name() + " lists them with each fix; change the model or the org's rule"));
            return plan.estimatedApiCalls();
        } catch (SalesforceException | SfsyncException e) {
            checks.add(DoctorCheck.fail(subject, "rows pass required fields, types and validation checks", e.getMessage(), "sfsync plan " + sync.name()));
            return 0;
        }
    }

    /** The fields create_fields declares exist; if not, whether 'sfsync apply' could create them (the Metadata API answers the user). */
    private DoctorCheck customFields(String subject, ConnectionConfig connection, List<dev.sfsync.salesforce.metadata.CustomFieldSpec> declared) {
        String check = "custom fields of create_fields exist";
        try (SalesforceClient client = logins.client(connection, ExchangeListener.NONE)) {
            List<String> missing = declared.stream()
                    .filter(f -> client.rest().describes().refresh(f.object()).field(f.field()).isEmpty())
                    .map(dev.sfsync.salesforce.metadata.CustomFieldSpec::fullName).toList();
            if (missing.isEmpty()) {
                return DoctorCheck.pass(subject, check, declared.size() + " declared field(s) exist and are visible to the user");
            }
            try {
                client.metadata().readCustomField(declared.getFirst().object(), declared.getFirst().field());
            } catch (dev.sfsync.salesforce.error.AccessDenied e) {
                return DoctorCheck.fail(subject, check, "missing: " + String.join(", ", missing) + "; and the user may not create fields ("
                        + e.errorCode() + ": " + e.errors().getFirst().message() + ")", "a Salesforce admin grants 'Customize Application' and"
                        + " 'Modify All Data' to the user's profile or a permission set, then 'sfsync apply'; or create the fields by hand in"
                        + " Setup > Object Manager");
            }
            return DoctorCheck.fail(subject, check, "missing (or hidden by field-level security): " + String.join(", ", missing),
                    "sfsync apply (creates them and grants the integration user edit access)");
        } catch (SalesforceException | SfsyncException e) {
            return DoctorCheck.fail(subject, check, "cannot check: " + e.getMessage(), "sfsync connections");
        }
    }

    private DoctorCheck quota(ConnectionConfig connection, long nextRunsCost) {
        String subject = "connection " + connection.name();
        QuotaReport report = QuotaReport.of(connection, syncsOf(connection.name()), project.store(), logins::client, clock);
        if (report.usage() == null) {
            return DoctorCheck.fail(subject, "API quota", "cannot read the org's limits: " + report.problem(), "sfsync quota");
        }
        String detail = report.usage().used() + " of " + report.usage().max() + " daily API requests used; reserve " + report.reserve() + " ("
                + report.reserved() + "); " + report.available() + " left for runs; the next runs of its syncs need about " + nextRunsCost;
        return nextRunsCost <= report.available()
                ? DoctorCheck.pass(subject, "API quota", detail)
                : DoctorCheck.fail(subject, "API quota", detail, "wait for the 24-hour window (sfsync quota shows who spent what), use api: bulk2"
                + " for large syncs, or lower quota.reserve of connection '" + connection.name() + "' if other integrations can spare it");
    }

    private static DoctorCheck result(String subject, String check, List<ConfigProblem> problems, String passed) {
        if (problems.isEmpty()) {
            return DoctorCheck.pass(subject, check, passed);
        }
        return DoctorCheck.fail(subject, check, problems.stream().map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")),
                problems.stream().map(ConfigProblem::fix).distinct().collect(Collectors.joining("; ")));
    }

    private static boolean aboutObject(ConfigProblem problem) {
        return problem.path().endsWith(".object") || problem.path().endsWith(".mode") || problem.path().endsWith(".on_delete");
    }

    private static String verbs(SyncDefinition sync) {
        List<String> verbs = new ArrayList<>();
        switch (sync.mode()) {
            case INSERT -> verbs.add("create");
            case UPDATE -> verbs.add("edit");
            default -> {
                verbs.add("create");
                verbs.add("edit");
            }
        }
        if (sync.onDelete() == dev.sfsync.engine.sync.DeleteBehaviour.DELETE || sync.mode() == dev.sfsync.engine.sync.SyncMode.ARCHIVE) {
            verbs.add("delete");
        }
        return String.join(", ", verbs);
    }
}
