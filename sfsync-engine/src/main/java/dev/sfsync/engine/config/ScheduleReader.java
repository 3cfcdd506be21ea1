package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code schedule:} value: {@code manual}, {@code {every: 15m}} or {@code {cron: "0 2 * * *", timezone: Europe/Paris}}. */
final class ScheduleReader {
    private static final Set<String> KEYS = Set.of("every", "cron", "timezone");
    private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*(s|m|h|d)");
    private static final String EXAMPLES = "write 'schedule: manual', 'schedule: {every: 15m}' or 'schedule: {cron: \"0 */2 * * *\", timezone: Europe/Paris}'";

    private final YamlFields fields;

    ScheduleReader(YamlFields fields) {
        this.fields = fields;
    }

    /** Empty after a problem; {@link RunSchedule#MANUAL} when the key is absent. */
    Optional<RunSchedule> read(JsonNode owner, String ownerPath) {
        JsonNode node = owner.path("schedule");
        String path = ownerPath + ".schedule";
        if (node.isMissingNode() || node.isNull()) {
            return Optional.of(RunSchedule.MANUAL);
        }
        if (node.isTextual()) {
            if (node.asText().trim().equalsIgnoreCase("manual")) {
                return Optional.of(RunSchedule.MANUAL);
            }
            fields.problem(path, "unknown schedule '" + node.asText() + "'", EXAMPLES);
            return Optional.empty();
        }
        if (!node.isObject()) {
            fields.problem(path, "a schedule is 'manual' or a mapping", EXAMPLES);
            return Optional.empty();
        }
        fields.onlyKeys(node, path, KEYS);
        boolean every = node.has("every");
        boolean cron = node.has("cron");
        if (every == cron) {
            fields.problem(path, every ? "both every and cron are set" : "neither every nor cron is set", "keep one: " + EXAMPLES);
            return Optional.empty();
        }
        if (every) {
            if (node.has("timezone")) {
                fields.problem(path + ".timezone", "a time zone only applies to a cron schedule", "remove it, or use cron");
            }
            return interval(node, path);
        }
        return cron(node, path);
    }

    private Optional<RunSchedule> interval(JsonNode node, String path) {
        Optional<String> text = fields.text(node, "every", path, null);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = INTERVAL.matcher(text.get().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            fields.problem(path + ".every", "'" + text.get() + "' is not an interval", "write a number and a unit: 30m, 2h, 1d (s, m, h or d)");
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        Duration interval = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
        if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
            fields.problem(path + ".every", "'" + text.get() + "' is shorter than a minute", "schedule at most once a minute, e.g. 'every: 1m'");
            return Optional.empty();
        }
        return Optional.of(new RunSchedule.Every(interval));
    }

    private Optional<RunSchedule> cron(JsonNode node, String path) {
        Optional<String> expression = fields.text(node, "cron", path, null);
        ZoneId zone = ZoneId.of("UTC");
        Optional<String> zoneName = fields.text(node, "timezone", path, null);
        if (zoneName.isPresent()) {
            try {
                zone = ZoneId.of(zoneName.get());
            } catch (DateTimeException e) {
                fields.problem(path + ".timezone", "unknown time zone '" + zoneName.get() + "'",
                        "use an IANA zone name such as Europe/Paris, America/New_York or UTC");
                return Optional.empty();
            }
        }
        if (expression.isEmpty()) {
            return Optional.empty();
        }
        try {
            new CronSchedule(expression.get(), zone, CronStyle.UNIX);
        } catch (IllegalArgumentException e) {
            fields.problem(path + ".cron", "'" + expression.get() + "' is not a cron expression: " + e.getMessage(),
                    "write five fields: minute hour day-of-month month day-of-week, e.g. \"0 */2 * * *\" (every two hours)");
            return Optional.empty();
        }
        return Optional.of(new RunSchedule.Cron(expression.get(), zone));
    }
}
