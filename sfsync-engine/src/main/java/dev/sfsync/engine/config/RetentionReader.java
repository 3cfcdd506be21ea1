package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.store.RetentionPolicy;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code retention:} section; each key left out keeps its default ({@link RetentionConfig}). */
final class RetentionReader {
    private static final Set<String> KEYS = Set.of("details", "bodies", "runs", "keep_last", "every");
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*(m|h|d)");

    private final YamlFields fields;

    RetentionReader(YamlFields fields) {
        this.fields = fields;
    }

    RetentionConfig read(JsonNode root) {
        JsonNode node = root.path("retention");
        if (node.isMissingNode() || node.isNull()) {
            return RetentionConfig.DEFAULTS;
        }
        if (!node.isObject()) {
            fields.problem("retention", "must be a mapping", "write e.g. 'retention: {details: 30d, bodies: 7d, runs: 180d, keep_last: 10}'");
            return RetentionConfig.DEFAULTS;
        }
        fields.onlyKeys(node, "retention", KEYS);
        RetentionPolicy defaults = RetentionPolicy.defaults();
        Duration details = age(node, "details", defaults.keepFor());
        Duration bodies = age(node, "bodies", details.compareTo(defaults.keepBodiesFor()) < 0 ? details : defaults.keepBodiesFor());
        Duration runs = age(node, "runs", details.compareTo(defaults.keepRunsFor()) > 0 ? details : defaults.keepRunsFor());
        if (bodies.compareTo(details) > 0) {
            fields.problem("retention.bodies", "bodies are kept longer than the details they belong to (" + details.toDays() + "d)",
                    "keep bodies at most as long as 'details'");
        }
        if (runs.compareTo(details) < 0) {
            fields.problem("retention.runs", "runs are kept shorter than their details (" + details.toDays() + "d)",
                    "keep runs at least as long as 'details'");
        }
        int keepLast = fields.integer(node, "keep_last", "retention", 1, 100_000).orElse(defaults.keepRuns());
        Duration every = age(node, "every", RetentionConfig.DEFAULT_EVERY);
        if (every.compareTo(Duration.ofMinutes(1)) < 0) {
            fields.problem("retention.every", "prune at most once a minute", "write e.g. 'every: 1h'");
            every = RetentionConfig.DEFAULT_EVERY;
        }
        return new RetentionConfig(new RetentionPolicy(details, keepLast, bodies, runs), every);
    }

    private Duration age(JsonNode node, String key, Duration defaultValue) {
        Optional<String> text = fields.text(node, key, "retention", null);
        if (text.isEmpty()) {
            return defaultValue;
        }
        Matcher m = AGE.matcher(text.get().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            fields.problem("retention." + key, "'" + text.get() + "' is not an age", "write minutes, hours or days, e.g. 90m, 12h or 30d");
            return defaultValue;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
