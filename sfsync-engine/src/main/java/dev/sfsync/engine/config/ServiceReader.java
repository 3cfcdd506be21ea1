package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The parts of sfsync.yaml that only {@code sfsync serve} acts on: schedules of syncs, {@code sequences:} and {@code alerts:}. */
final class ServiceReader {
    private static final Set<String> SEQUENCE_KEYS = Set.of("schedule", "syncs", "on_failure");

    private final YamlFields fields;
    private final ScheduleReader schedules;

    ServiceReader(YamlFields fields) {
        this.fields = fields;
        this.schedules = new ScheduleReader(fields);
    }

    ServiceConfig read(JsonNode root, Set<String> syncNames) {
        Map<String, RunSchedule> syncSchedules = new LinkedHashMap<>();
        JsonNode syncs = root.path("syncs");
        if (syncs.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = syncs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (entry.getValue().isObject()) {
                    schedules.read(entry.getValue(), "syncs." + entry.getKey()).ifPresent(s -> syncSchedules.put(entry.getKey(), s));
                }
            }
        }
        Map<String, SequenceConfig> sequences = readSequences(root, syncNames);
        Set<String> watchable = new java.util.LinkedHashSet<>(syncNames);
        watchable.addAll(sequences.keySet());
        AlertsReader.Alerts alerts = new AlertsReader(fields).read(root, watchable);
        return new ServiceConfig(syncSchedules, sequences, alerts.destinations(), alerts.rules(), new RetentionReader(fields).read(root));
    }

    private Map<String, SequenceConfig> readSequences(JsonNode root, Set<String> syncNames) {
        Map<String, SequenceConfig> sequences = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields.namedSections(root, "sequences", "sequence")) {
            String name = entry.getKey();
            String path = "sequences." + name;
            JsonNode def = entry.getValue();
            int before = fields.problems().size();
            fields.onlyKeys(def, path, SEQUENCE_KEYS);
            if (syncNames.contains(name)) {
                fields.problem(path, "a sync is also named '" + name + "'", "give the sequence its own name: the API and alerts refer to both by name");
            }
            Optional<RunSchedule> schedule = schedules.read(def, path);
            List<String> members = fields.textList(def, "syncs", path, "list the syncs in the order they run, e.g. 'syncs: [accounts, contacts]'");
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                String sync = members.get(i);
                if (!syncNames.contains(sync)) {
                    fields.problem(path + ".syncs[" + i + "]", "no sync named '" + sync + "'", NearestName.fix(sync, syncNames, "sync under 'syncs:'"));
                } else if (seen.contains(sync)) {
                    fields.problem(path + ".syncs[" + i + "]", "'" + sync + "' is listed twice", "list each sync once");
                }
                seen.add(sync);
            }
            Optional<SequenceConfig.OnFailure> onFailure = fields.choice(def, "on_failure", path, SequenceConfig.OnFailure.class,
                    SequenceConfig.OnFailure.STOP);
            if (fields.problems().size() == before && schedule.isPresent() && onFailure.isPresent()) {
                sequences.put(name, new SequenceConfig(name, schedule.get(), members, onFailure.get()));
            }
        }
        return sequences;
    }
}
