package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code alerts:} section: {@code destinations} (slack, webhook, email, pagerduty) and {@code rules}, e.g.
 * <pre>
 * alerts:
 *   destinations:
 *     ops: {type: slack, webhook_url: "${env:SLACK_WEBHOOK}"}
 *   rules:
 *     - {when: run_failed, on: [accounts], notify: [ops]}
 *     - {when: failed_rows_percent, above: 5, notify: [ops]}
 * </pre>
 */
final class AlertsReader {
    record Alerts(Map<String, AlertDestination> destinations, List<AlertRule> rules) {
    }

    private enum Type { SLACK, WEBHOOK, EMAIL, PAGERDUTY }

    private static final Set<String> ALERTS_KEYS = Set.of("destinations", "rules");
    private static final Map<Type, Set<String>> DESTINATION_KEYS = Map.of(
            Type.SLACK, Set.of("type", "webhook_url"),
            Type.WEBHOOK, Set.of("type", "url", "secret"),
            Type.EMAIL, Set.of("type", "smtp_host", "smtp_port", "starttls", "from", "to", "username", "password"),
            Type.PAGERDUTY, Set.of("type", "routing_key", "events_url"));
    private static final Set<String> RULE_KEYS = Set.of("when", "above", "on", "notify");

    private final YamlFields fields;

    AlertsReader(YamlFields fields) {
        this.fields = fields;
    }

    Alerts read(JsonNode root, Set<String> watchable) {
        JsonNode alerts = root.path("alerts");
        if (alerts.isMissingNode() || alerts.isNull()) {
            return new Alerts(Map.of(), List.of());
        }
        if (!alerts.isObject()) {
            fields.problem("alerts", "alerts must be a mapping with destinations and rules", "see the README's 'Run it as a service' section");
            return new Alerts(Map.of(), List.of());
        }
        fields.onlyKeys(alerts, "alerts", ALERTS_KEYS);
        Map<String, AlertDestination> destinations = readDestinations(alerts);
        // Rules may name a destination that has problems of its own: those are reported once, at the destination.
        Set<String> declared = new java.util.LinkedHashSet<>();
        alerts.path("destinations").fieldNames().forEachRemaining(declared::add);
        return new Alerts(destinations, readRules(alerts, watchable, declared));
    }

    private Map<String, AlertDestination> readDestinations(JsonNode alerts) {
        Map<String, AlertDestination> destinations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : fields.namedSections(alerts, "destinations", "destination")) {
            String name = entry.getKey();
            String path = "alerts.destinations." + name;
            JsonNode def = entry.getValue();
            Optional<Type> type = fields.choice(def, "type", path, Type.class, null);
            if (type.isEmpty()) {
                continue;
            }
            fields.onlyKeys(def, path, DESTINATION_KEYS.get(type.get()));
            int before = fields.problems().size();
            AlertDestination destination = switch (type.get()) {
                case SLACK -> required(def, "webhook_url", path,
                                "set the incoming webhook's URL as a reference, e.g. webhook_url: \"${env:SLACK_WEBHOOK_URL}\"")
                        .map(url -> new AlertDestination.Slack(name, url)).orElse(null);
                case WEBHOOK -> url(def, "url", path).map(url -> new AlertDestination.Webhook(name, url, fields.secret(def, "secret", path)))
                        .orElse(null);
                case EMAIL -> email(name, def, path);
                case PAGERDUTY -> required(def, "routing_key", path,
                                "set the Events API v2 integration key as a reference, e.g. routing_key: \"${env:PAGERDUTY_KEY}\"")
                        .map(key -> new AlertDestination.PagerDuty(name, key,
                                def.has("events_url") ? url(def, "events_url", path).orElse("") : AlertDestination.PagerDuty.EVENTS_URL))
                        .orElse(null);
            };
            if (destination != null && fields.problems().size() == before) {
                destinations.put(name, destination);
            }
        }
        return destinations;
    }

    private AlertDestination email(String name, JsonNode def, String path) {
        Optional<String> host = fields.text(def, "smtp_host", path, "name the SMTP server, e.g. smtp_host: smtp.example.com");
        int port = fields.integer(def, "smtp_port", path, 1, 65_535).orElse(587);
        boolean startTls = !def.has("starttls") || def.path("starttls").asBoolean(true);
        Optional<String> from = fields.text(def, "from", path, "set the sender address, e.g. from: sfsync@example.com");
        List<String> to = fields.textList(def, "to", path, "list the recipients, e.g. to: [ops@example.com]");
        for (int i = 0; i < to.size(); i++) {
            if (!to.get(i).matches("[^@\\s]+@[^@\\s]+")) {
                fields.problem(path + ".to[" + i + "]", "'" + to.get(i) + "' is not an email address", "write it as name@example.com");
            }
        }
        Optional<SecretRef> username = fields.secretOrPlain(def, "username", path);
        Optional<SecretRef> password = fields.secret(def, "password", path);
        if (host.isEmpty() || from.isEmpty() || to.isEmpty()) {
            return null;
        }
        return new AlertDestination.Email(name, host.get(), port, startTls, from.get(), to, username, password);
    }

    private Optional<String> url(JsonNode def, String key, String path) {
        Optional<String> url = fields.text(def, key, path, "set the URL to POST to, e.g. " + key + ": https://hooks.example.com/sfsync");
        if (url.isPresent() && !url.get().matches("https?://[^\\s/]+(/\\S*)?")) {
            fields.problem(path + "." + key, "'" + url.get() + "' is not an http(s) URL", "write the full URL, starting with https://");
            return Optional.empty();
        }
        return url;
    }

    /** A secret reference that must be there. */
    private Optional<SecretRef> required(JsonNode def, String key, String path, String fixWhenMissing) {
        if (!def.hasNonNull(key)) {
            fields.problem(path + "." + key, "missing", fixWhenMissing);
            return Optional.empty();
        }
        return fields.secret(def, key, path);
    }

    private List<AlertRule> readRules(JsonNode alerts, Set<String> watchable, Set<String> destinations) {
        JsonNode rules = alerts.path("rules");
        List<AlertRule> out = new ArrayList<>();
        if (rules.isMissingNode() || rules.isNull()) {
            return out;
        }
        if (!rules.isArray()) {
            fields.problem("alerts.rules", "rules must be a list", "write each rule as a list item, e.g. '- {when: run_failed, notify: [ops]}'");
            return out;
        }
        for (int i = 0; i < rules.size(); i++) {
            String path = "alerts.rules[" + i + "]";
            JsonNode def = rules.get(i);
            if (!def.isObject()) {
                fields.problem(path, "a rule is a mapping", "write e.g. '{when: run_failed, notify: [ops]}'");
                continue;
            }
            int before = fields.problems().size();
            fields.onlyKeys(def, path, RULE_KEYS);
            Optional<AlertRule.Condition> when = fields.choice(def, "when", path, AlertRule.Condition.class, null);
            double threshold = 0;
            if (when.isPresent() && when.get().needsThreshold()) {
                JsonNode above = def.path("above");
                if (!above.isNumber() || above.doubleValue() < 0 || (when.get().name().endsWith("PERCENT") && above.doubleValue() > 100)) {
                    fields.problem(path + ".above", above.isMissingNode() ? "missing" : "must be a number" + (when.get().name().endsWith("PERCENT") ? " from 0 to 100" : " of at least 0"),
                            "set the threshold, e.g. 'above: 5'");
                } else {
                    threshold = above.doubleValue();
                }
            } else if (when.isPresent() && def.has("above")) {
                fields.problem(path + ".above", when.get().name().toLowerCase(java.util.Locale.ROOT) + " takes no threshold", "remove 'above'");
            }
            List<String> on = def.has("on") ? names(def, "on", path, watchable, "sync or sequence") : List.of();
            List<String> notify = names(def, "notify", path, destinations, "destination under 'alerts.destinations'");
            if (notify.isEmpty() && !def.has("notify")) {
                fields.problem(path + ".notify", "missing", "name the destinations to notify, e.g. 'notify: [ops]'");
            }
            if (fields.problems().size() == before && when.isPresent()) {
                out.add(new AlertRule("rule-" + (i + 1), when.get(), threshold, on, notify));
            }
        }
        return out;
    }

    private List<String> names(JsonNode def, String key, String path, Set<String> known, String what) {
        List<String> names = fields.textList(def, key, path, null);
        for (int i = 0; i < names.size(); i++) {
            if (!known.contains(names.get(i))) {
                fields.problem(path + "." + key + "[" + i + "]", "no " + what + " named '" + names.get(i) + "'", NearestName.fix(names.get(i), known, what));
            }
        }
        return names;
    }
}
