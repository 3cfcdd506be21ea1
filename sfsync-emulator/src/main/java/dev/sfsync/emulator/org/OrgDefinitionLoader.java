package dev.sfsync.emulator.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sfsync.emulator.faults.FaultRules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads an org file (YAML). Every problem is collected with its path and a fix before anything is thrown, so one
 * run of the emulator tells the author everything that is wrong with the file.
 */
public final class OrgDefinitionLoader {
    public static final String DEFAULT_ORG = "/dev/sfsync/emulator/default-org.yaml";
    public static final String DEFAULT_SANDBOX_ORG = "/dev/sfsync/emulator/default-sandbox-org.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP_KEYS = Set.of("name", "orgId", "environment", "accessTokenTtlSeconds", "apiEnabled",
            "limits", "connectedApps", "profiles", "users", "objects", "records", "faults", "tls", "bulk2");
    private static final Set<String> FIELD_KEYS = Set.of("type", "label", "length", "precision", "scale", "required",
            "externalId", "unique", "caseSensitive", "createable", "updateable", "formula", "autoNumber", "default",
            "values", "restricted", "referenceTo", "relationshipName");
    private static final Set<String> OBJECT_KEYS = Set.of("label", "labelPlural", "keyPrefix", "fields", "validationRules", "nameField",
            "recordTypes", "personAccounts", "sharingModel");

    private final List<String> problems = new ArrayList<>();
    private final SalesforceIds ids = new SalesforceIds(0);

    private OrgDefinitionLoader() {
    }

    public static OrgDefinition defaultOrg() {
        return builtIn(DEFAULT_ORG);
    }

    /** The default org's sandbox: same schema, its own users, served as a separate login host. */
    public static OrgDefinition defaultSandboxOrg() {
        return builtIn(DEFAULT_SANDBOX_ORG);
    }

    private static OrgDefinition builtIn(String resource) {
        try (InputStream in = OrgDefinitionLoader.class.getResourceAsStream(resource)) {
            return load(in.readAllBytes(), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the built-in org file", e);
        }
    }

    public static OrgDefinition load(Path file) {
        try {
            return load(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new InvalidOrgDefinition(file.toString(), List.of("cannot read the file: " + e.getMessage()
                    + " (fix: check the path and that the file is readable)"));
        }
    }

    public static OrgDefinition load(byte[] yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(new ByteArrayInputStream(yaml));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidOrgDefinition(source, List.of("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr())));
        } catch (IOException e) {
            throw new InvalidOrgDefinition(source, List.of("cannot read: " + e.getMessage()));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            root = YAML.createObjectNode();
        }
        if (!root.isObject()) {
            throw new InvalidOrgDefinition(source, List.of("the file must be a YAML mapping with keys such as name, objects, users"));
        }
        OrgDefinitionLoader loader = new OrgDefinitionLoader();
        OrgDefinition definition = loader.read((ObjectNode) root);
        if (!loader.problems.isEmpty()) {
            throw new InvalidOrgDefinition(source, loader.problems);
        }
        return definition;
    }

    private OrgDefinition read(ObjectNode root) {
        checkKeys(root, TOP_KEYS, "");
        String name = root.path("name").asText("Emulated Org");
        Environment environment = Environment.PRODUCTION;
        String env = root.path("environment").asText("production");
        try {
            environment = Environment.valueOf(env.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("environment: '" + env + "' is not an environment (fix: use production or sandbox)");
        }
        String orgId = root.has("orgId") ? root.get("orgId").asText() : SalesforceIds.to18("00D8d" + SalesforceIds.base62(Math.abs((long) name.hashCode()) % 1_000_000_000L, 10));
        if (SalesforceIds.normalize(orgId).isEmpty() || !orgId.startsWith("00D")) {
            problems.add("orgId: '" + orgId + "' is not an org id (fix: 15 or 18 characters starting with 00D, or leave it out)");
        }
        LimitSettings limits = LimitsSection.read(root.path("limits"), "limits", LimitSettings.DEFAULTS, problems);
        Duration ttl = Duration.ofSeconds(root.path("accessTokenTtlSeconds").asLong(7200));
        boolean apiEnabled = root.path("apiEnabled").asBoolean(true);

        List<ObjectSchema> objects = readObjects(root.path("objects"));
        Map<String, List<Map<String, Object>>> recordTypes = readRecordTypes(root.path("objects"));
        if (personAccounts(root.path("objects"))) {
            ObjectSchema contact = objects.stream().filter(o -> o.name().equals("Contact")).findFirst().orElseThrow();
            objects = objects.stream().map(o -> o.name().equals("Account") ? PersonAccounts.enable(o, contact) : o).toList();
            List<Map<String, Object>> accountTypes = new ArrayList<>(recordTypes.getOrDefault("Account", List.of()));
            if (accountTypes.stream().noneMatch(t -> Boolean.TRUE.equals(t.get("IsPersonType")))) {
                accountTypes.add(new LinkedHashMap<>(Map.of("DeveloperName", PersonAccounts.RECORD_TYPE, "Name", "Person Account",
                        "SobjectType", "Account", "IsActive", true, "IsPersonType", true)));
            }
            recordTypes.put("Account", accountTypes);
        }
        objects = objects.stream().map(o -> recordTypes.getOrDefault(o.name(), List.of()).isEmpty() || o.field(RecordTypes.FIELD).isPresent()
                ? o : o.withField(RecordTypes.field())).toList();
        List<Profile> profiles = readProfiles(root.path("profiles"));
        List<UserAccount> users = readUsers(root.path("users"), profiles);
        List<ConnectedApp> apps = readApps(root.path("connectedApps"));
        Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
        // Record types go first: seed records may name them.
        List<Map<String, Object>> typeRecords = recordTypes.values().stream().flatMap(List::stream).toList();
        if (!typeRecords.isEmpty()) {
            records.put(RecordTypes.OBJECT, typeRecords);
        }
        readRecords(root.path("records"), objects).forEach((object, rows) -> records.merge(object, rows,
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        FaultRules faults = FaultsSection.read(root.path("faults"), "faults", objects.stream().map(ObjectSchema::name).toList(), problems);
        TlsOption tls = ServerSections.tls(root.path("tls"), problems);
        Bulk2Settings bulk2 = ServerSections.bulk2(root.path("bulk2"), problems);
        if (!problems.isEmpty()) {
            return null;
        }
        return new OrgDefinition(name, SalesforceIds.normalize(orgId).orElseThrow(), environment, limits, ttl, apiEnabled,
                objects, profiles, users, apps, records, faults, tls, bulk2);
    }

    private List<ObjectSchema> readObjects(JsonNode node) {
        Map<String, ObjectSchema> byName = new LinkedHashMap<>();
        for (ObjectSchema builtIn : BuiltInObjects.all()) {
            byName.put(builtIn.name().toLowerCase(Locale.ROOT), builtIn);
        }
        if (node.isMissingNode()) {
            return List.copyOf(byName.values());
        }
        if (!node.isObject()) {
            problems.add("objects: must be a mapping of object name to its definition");
            return List.copyOf(byName.values());
        }
        int customCount = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String objectName = entry.getKey();
            String path = "objects." + objectName;
            JsonNode def = entry.getValue();
            checkKeys(def, OBJECT_KEYS, path);
            ObjectSchema existing = byName.get(objectName.toLowerCase(Locale.ROOT));
            List<FieldSchema> fields = new ArrayList<>();
            String keyPrefix;
            boolean event = objectName.endsWith("__e");
            if (existing != null) {
                fields.addAll(existing.fields());
                keyPrefix = existing.keyPrefix();
                objectName = existing.name();
            } else {
                if (!objectName.endsWith("__c") && !event) {
                    problems.add(path + ": '" + objectName + "' is neither a built-in object (Account, Contact, Lead, Opportunity, Individual, User) "
                            + "nor a custom one (fix: custom objects end in __c, platform events in __e)");
                    continue;
                }
                customCount++;
                keyPrefix = def.path("keyPrefix").asText(event ? "e0" + Integer.toString(customCount, 36) : "a0" + Integer.toString(customCount, 36));
                fields.addAll(event ? eventFields() : customObjectFields(def.path("nameField"), path));
            }
            JsonNode fieldDefs = def.path("fields");
            for (Iterator<Map.Entry<String, JsonNode>> f = fieldDefs.fields(); f.hasNext(); ) {
                Map.Entry<String, JsonNode> field = f.next();
                FieldSchema schema = readField(objectName, field.getKey(), field.getValue(), path + ".fields." + field.getKey());
                if (schema != null) {
                    fields.removeIf(existingField -> existingField.name().equalsIgnoreCase(schema.name()));
                    fields.add(schema);
                }
            }
            List<ValidationRule> rules = new ArrayList<>(existing == null ? List.of() : existing.validationRules());
            JsonNode ruleDefs = def.path("validationRules");
            for (int i = 0; i < ruleDefs.size(); i++) {
                ValidationRule rule = readRule(ruleDefs.get(i), path + ".validationRules[" + i + "]");
                if (rule != null) {
                    rules.add(rule);
                }
            }
            byName.put(objectName.toLowerCase(Locale.ROOT), new ObjectSchema(objectName, text(def, "label"), text(def, "labelPlural"),
                    keyPrefix, event, fields, rules, sharingModel(def.path("sharingModel"), path + ".sharingModel",
                    existing == null ? SharingModel.ReadWrite : existing.sharingModel())));
        }
        checkReferences(byName);
        return List.copyOf(byName.values());
    }

    /** An object's org-wide default, spelt as the Metadata API's CustomObject.sharingModel spells it. */
    private SharingModel sharingModel(JsonNode node, String path, SharingModel otherwise) {
        if (node.isMissingNode() || node.isNull()) {
            return otherwise;
        }
        for (SharingModel model : SharingModel.values()) {
            if (model.name().equalsIgnoreCase(node.asText())) {
                return model;
            }
        }
        problems.add(path + ": '" + node.asText() + "' is not an org-wide default (fix: one of "
                + String.join(", ", java.util.Arrays.stream(SharingModel.values()).map(Enum::name).toList()) + ")");
        return otherwise;
    }

    private static boolean personAccounts(JsonNode objects) {
        for (Iterator<Map.Entry<String, JsonNode>> it = objects.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> object = it.next();
            if (object.getKey().equalsIgnoreCase("Account") && object.getValue().path("personAccounts").asBoolean(false)) {
                return true;
            }
        }
        return false;
    }

    /** Each object's {@code recordTypes}: developer name to {label, active, personType}, as RecordType seed records. */
    private Map<String, List<Map<String, Object>>> readRecordTypes(JsonNode objects) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = objects.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> object = it.next();
            JsonNode types = object.getValue().path("recordTypes");
            String path = "objects." + object.getKey() + ".recordTypes";
            if (types.isMissingNode()) {
                continue;
            }
            if (!types.isObject()) {
                problems.add(path + ": must map developer names to {label, active} (fix: e.g. 'recordTypes: {Partner: {label: Partner Account}}')");
                continue;
            }
            String objectName = object.getKey();
            for (ObjectSchema builtIn : BuiltInObjects.all()) {
                if (builtIn.name().equalsIgnoreCase(objectName)) {
                    objectName = builtIn.name();
                }
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> t = types.fields(); t.hasNext(); ) {
                Map.Entry<String, JsonNode> type = t.next();
                checkKeys(type.getValue(), Set.of("label", "active", "personType"), path + "." + type.getKey());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("DeveloperName", type.getKey());
                row.put("Name", type.getValue().path("label").asText(type.getKey()));
                row.put("SobjectType", objectName);
                row.put("IsActive", type.getValue().path("active").asBoolean(true));
                if (type.getValue().path("personType").asBoolean(false)) {
                    row.put("IsPersonType", true);
                }
                rows.add(row);
            }
            out.put(objectName, rows);
        }
        return out;
    }

    private void checkReferences(Map<String, ObjectSchema> byName) {
        for (ObjectSchema object : byName.values()) {
            for (FieldSchema field : object.fields()) {
                for (String target : field.referenceTo()) {
                    if (!byName.containsKey(target.toLowerCase(Locale.ROOT))) {
                        problems.add("objects." + object.name() + ".fields." + field.name() + ".referenceTo: no object named '" + target
                                + "' (fix: define it under objects, or reference a built-in object)");
                    }
                }
            }
        }
    }

    private List<FieldSchema> customObjectFields(JsonNode nameField, String path) {
        List<FieldSchema> fields = new ArrayList<>(BuiltInObjects.systemFields(true));
        String kind = nameField.path("type").asText("string");
        if (kind.equalsIgnoreCase("autonumber")) {
            fields.add(FieldSchema.builder("Name", FieldType.STRING).length(80).label(nameField.path("label").asText("Name")).nameField().autoNumber().build());
        } else if (kind.equalsIgnoreCase("string") || kind.equalsIgnoreCase("text")) {
            fields.add(FieldSchema.builder("Name", FieldType.STRING).length(80).label(nameField.path("label").asText("Name"))
                    .nameField().nillable(true).defaultedOnCreate(true).build());
        } else {
            problems.add(path + ".nameField.type: '" + kind + "' is not a name field type (fix: string or autonumber)");
        }
        return fields;
    }

    private static List<FieldSchema> eventFields() {
        List<FieldSchema> fields = new ArrayList<>();
        fields.add(FieldSchema.builder("Id", FieldType.ID).readOnly().nillable(false).defaultedOnCreate(true).build());
        fields.add(FieldSchema.builder("ReplayId", FieldType.STRING).length(255).readOnly().build());
        fields.add(FieldSchema.builder("EventUuid", FieldType.STRING).length(36).readOnly().build());
        fields.add(FieldSchema.builder("CreatedDate", FieldType.DATETIME).readOnly().nillable(false).defaultedOnCreate(true).build());
        fields.add(FieldSchema.builder("CreatedById", FieldType.REFERENCE).readOnly().nillable(false).defaultedOnCreate(true).references("User", "CreatedBy").build());
        return fields;
    }

    private FieldSchema readField(String object, String name, JsonNode def, String path) {
        if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            problems.add(path + ": '" + name + "' is not a valid field API name (fix: letters, digits and underscores, starting with a letter)");
            return null;
        }
        checkKeys(def, FIELD_KEYS, path);
        FieldType type;
        try {
            type = FieldType.fromWireName(def.path("type").asText("string"));
        } catch (IllegalArgumentException e) {
            problems.add(path + ".type: " + e.getMessage());
            return null;
        }
        FieldSchema.Builder b = FieldSchema.builder(name, type).label(text(def, "label"));
        if (def.has("length")) {
            int length = def.get("length").asInt();
            if (length < 1 || length > 131072) {
                problems.add(path + ".length: " + length + " is out of range (fix: 1 to 131072)");
            }
            b.length(length);
        }
        if (def.has("precision")) { b.precision(def.get("precision").asInt()); }
        if (def.has("scale")) { b.scale(def.get("scale").asInt()); }
        if (def.path("required").asBoolean(false)) { b.required(); }
        if (def.path("externalId").asBoolean(false)) {
            if (!(type.isText() || type.isNumber()) || type == FieldType.PICKLIST || type == FieldType.MULTIPICKLIST) {
                problems.add(path + ".externalId: a " + type.wireName() + " field cannot be an external ID (fix: use a text, email or number field)");
            }
            b.externalId(true);
        }
        if (def.has("unique")) { b.unique(def.get("unique").asBoolean()); }
        if (def.has("caseSensitive")) { b.caseSensitive(def.get("caseSensitive").asBoolean()); }
        if (def.has("createable")) { b.createable(def.get("createable").asBoolean()); }
        if (def.has("updateable")) { b.updateable(def.get("updateable").asBoolean()); }
        if (def.has("formula")) { b.formula(def.get("formula").asText()); }
        if (def.path("autoNumber").asBoolean(false)) { b.autoNumber(); }
        if (def.has("default")) { b.defaultValue(scalar(def.get("default"))); }
        if (type == FieldType.PICKLIST || type == FieldType.MULTIPICKLIST) {
            List<PicklistValue> values = readPicklist(def.path("values"), path + ".values");
            if (values.size() > 1000) {
                problems.add(path + ".values: " + values.size() + " values; a picklist holds at most 1,000 (fix: remove or merge values)");
            }
            b.picklist(values, def.path("restricted").asBoolean(false));
        } else if (def.has("values")) {
            problems.add(path + ".values: only picklist and multipicklist fields have values (fix: set type: picklist)");
        }
        if (type == FieldType.REFERENCE) {
            String target = text(def, "referenceTo");
            if (target == null) {
                problems.add(path + ".referenceTo: a reference field needs the object it points to (fix: e.g. referenceTo: Account)");
                return null;
            }
            String relationship = def.path("relationshipName").asText(name.endsWith("__c") ? name.substring(0, name.length() - 3) + "__r"
                    : name.endsWith("Id") ? name.substring(0, name.length() - 2) : name);
            b.references(target, relationship);
        }
        return b.build();
    }

    private List<PicklistValue> readPicklist(JsonNode node, String path) {
        List<PicklistValue> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            PicklistValue value = v.isObject()
                    ? new PicklistValue(v.path("value").asText(), text(v, "label"), v.path("active").asBoolean(true), v.path("default").asBoolean(false))
                    : PicklistValue.of(v.asText());
            if (!seen.add(value.value().toLowerCase(Locale.ROOT))) {
                problems.add(path + "[" + i + "]: duplicate picklist value '" + value.value() + "' (fix: list each value once)");
            }
            values.add(value);
        }
        return values;
    }

    private ValidationRule readRule(JsonNode def, String path) {
        String name = def.path("name").asText(null);
        String field = def.path("field").asText(null);
        if (name == null || field == null) {
            problems.add(path + ": a validation rule needs a name and a field (fix: add name: and field:)");
            return null;
        }
        Pattern pattern = null;
        if (def.has("pattern")) {
            try {
                pattern = Pattern.compile(def.get("pattern").asText());
            } catch (PatternSyntaxException e) {
                problems.add(path + ".pattern: not a valid regular expression: " + e.getDescription());
                return null;
            }
        }
        boolean required = def.path("required").asBoolean(false);
        if (!required && pattern == null) {
            problems.add(path + ": rule '" + name + "' checks nothing (fix: add required: true or a pattern)");
            return null;
        }
        JsonNode when = def.path("when");
        return new ValidationRule(name, field, required, pattern, text(when, "field"), text(when, "equals"),
                text(def, "message"), text(def, "errorDisplayField"), def.path("active").asBoolean(true));
    }

    private List<Profile> readProfiles(JsonNode node) {
        List<Profile> profiles = new ArrayList<>();
        profiles.add(new Profile(ids.next("00e"), "System Administrator", EnumSet.allOf(Permission.class)));
        for (int i = 0; i < node.size(); i++) {
            JsonNode def = node.get(i);
            String path = "profiles[" + i + "]";
            String name = def.path("name").asText(null);
            if (name == null) {
                problems.add(path + ".name: missing (fix: give the profile a name)");
                continue;
            }
            Set<Permission> permissions = EnumSet.noneOf(Permission.class);
            for (JsonNode p : def.path("permissions")) {
                try {
                    permissions.add(Permission.valueOf(p.asText()));
                } catch (IllegalArgumentException e) {
                    problems.add(path + ".permissions: unknown permission '" + p.asText() + "' (fix: one of ApiEnabled, ModifyAllData, ViewAllData, CustomizeApplication, ViewSetup, BulkApiHardDelete)");
                }
            }
            Profile profile = new Profile(ids.next("00e"), name, permissions);
            for (Iterator<Map.Entry<String, JsonNode>> it = def.path("objects").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Set<ObjectPermission> granted = EnumSet.noneOf(ObjectPermission.class);
                for (JsonNode p : e.getValue()) {
                    try {
                        granted.add(ObjectPermission.valueOf(p.asText().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException ex) {
                        problems.add(path + ".objects." + e.getKey() + ": unknown permission '" + p.asText() + "' (fix: read, create, edit, delete)");
                    }
                }
                profile.grantObject(e.getKey(), granted);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = def.path("fields").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String[] parts = e.getKey().split("\\.");
                if (parts.length != 2) {
                    problems.add(path + ".fields." + e.getKey() + ": write fields as Object.Field (e.g. Account.AnnualRevenue)");
                    continue;
                }
                try {
                    profile.grantField(parts[0], parts[1], Access.valueOf(e.getValue().asText().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException ex) {
                    problems.add(path + ".fields." + e.getKey() + ": '" + e.getValue().asText() + "' is not an access level (fix: none, read or edit)");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = def.path("recordTypes").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                checkKeys(e.getValue(), Set.of("available", "default"), path + ".recordTypes." + e.getKey());
                Set<String> available = new java.util.HashSet<>();
                e.getValue().path("available").forEach(n -> available.add(n.asText().toLowerCase(Locale.ROOT)));
                String defaultName = e.getValue().path("default").asText(null);
                if (defaultName != null && !available.contains(defaultName.toLowerCase(Locale.ROOT))) {
                    problems.add(path + ".recordTypes." + e.getKey() + ".default: '" + defaultName + "' is not in available (fix: list it there too)");
                }
                profile.assignRecordTypes(e.getKey(), new Profile.RecordTypeAssignment(available, defaultName));
            }
            profiles.removeIf(p -> p.name().equalsIgnoreCase(name));
            profiles.add(profile);
        }
        return profiles;
    }

    private List<UserAccount> readUsers(JsonNode node, List<Profile> profiles) {
        List<UserAccount> users = new ArrayList<>();
        if (node.isMissingNode() || node.isEmpty()) {
            users.add(new UserAccount(ids.next("005"), "admin@sfsync.emulator", "emulator", "admin@sfsync.emulator", "Emulator", "Admin",
                    profiles.getFirst(), true));
            return users;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode def = node.get(i);
            String path = "users[" + i + "]";
            String username = def.path("username").asText(null);
            if (username == null) {
                problems.add(path + ".username: missing (fix: usernames look like emails, e.g. admin@acme.test)");
                continue;
            }
            String profileName = def.path("profile").asText("System Administrator");
            Profile profile = profiles.stream().filter(p -> p.name().equalsIgnoreCase(profileName)).findFirst().orElse(null);
            if (profile == null) {
                problems.add(path + ".profile: no profile named '" + profileName + "' (fix: define it under profiles, or use System Administrator)");
                continue;
            }
            users.add(new UserAccount(ids.next("005"), username, def.path("password").asText("emulator"), def.path("email").asText(username),
                    text(def, "firstName"), def.path("lastName").asText(username.split("@")[0]), profile, def.path("active").asBoolean(true)));
        }
        return users;
    }

    private List<ConnectedApp> readApps(JsonNode node) {
        List<ConnectedApp> apps = new ArrayList<>();
        if (node.isMissingNode() || node.isEmpty()) {
            apps.add(new ConnectedApp("sfsync", "sfsync-emulator-client", "sfsync-emulator-secret", List.of(), null, false, true));
            return apps;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode def = node.get(i);
            String path = "connectedApps[" + i + "]";
            String clientId = def.path("clientId").asText(null);
            if (clientId == null) {
                problems.add(path + ".clientId: missing (fix: the consumer key clients send as client_id)");
                continue;
            }
            List<String> redirects = new ArrayList<>();
            def.path("redirectUris").forEach(r -> redirects.add(r.asText()));
            PublicKey key = null;
            if (def.has("certificate")) {
                key = readPublicKey(def.get("certificate").asText(), path + ".certificate");
            }
            apps.add(new ConnectedApp(def.path("name").asText(clientId), clientId, text(def, "clientSecret"), redirects, key,
                    def.path("blocked").asBoolean(false), def.path("autoApprove").asBoolean(true),
                    def.path("rotateRefreshTokens").asBoolean(false)));
        }
        return apps;
    }

    private PublicKey readPublicKey(String pem, String path) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).getPublicKey();
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            problems.add(path + ": not a PEM certificate or RSA public key (" + e.getMessage() + ") (fix: paste the connected app's X.509 certificate)");
            return null;
        }
    }

    private Map<String, List<Map<String, Object>>> readRecords(JsonNode node, List<ObjectSchema> objects) {
        Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (objects.stream().noneMatch(o -> o.name().equalsIgnoreCase(e.getKey()))) {
                problems.add("records." + e.getKey() + ": no such object (fix: define it under objects)");
                continue;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (JsonNode row : e.getValue()) {
                Map<String, Object> values = new LinkedHashMap<>();
                row.fields().forEachRemaining(f -> values.put(f.getKey(), scalar(f.getValue())));
                rows.add(values);
            }
            records.put(e.getKey(), rows);
        }
        return records;
    }

    private void checkKeys(JsonNode node, Set<String> allowed, String path) {
        new SectionChecks(problems).keys(node, allowed, path);
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) { return null; }
        if (value.isBoolean()) { return value.asBoolean(); }
        if (value.isNumber()) { return value.decimalValue(); }
        return value.asText();
    }
}
