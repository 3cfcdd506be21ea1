package dev.sfsync.emulator.org;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/** Checks shared by the readers of the org file's sections; each problem is added with its path and a fix. */
final class SectionChecks {
    private final List<String> problems;

    SectionChecks(List<String> problems) {
        this.problems = problems;
    }

    /** The path of a key under a section; the top level has no prefix. */
    static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    int count() {
        return problems.size();
    }

    void problem(String path, String text) {
        problems.add(path + ": " + text);
    }

    /** Every key must be one of {@code allowed}; a misspelt key gets the nearest allowed one as its fix. */
    void keys(JsonNode node, Set<String> allowed, String path) {
        if (!node.isObject()) {
            if (!node.isMissingNode()) {
                problems.add((path.isEmpty() ? "(top)" : path) + ": must be a mapping");
            }
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!allowed.contains(key)) {
                String suggestion = Suggestions.closest(key, allowed).map(s -> "did you mean '" + s + "'?").orElse("allowed: " + String.join(", ", allowed));
                problems.add(at(path, key) + ": unknown key (fix: " + suggestion + ")");
            }
        });
    }

    /** A whole number from {@code min} to {@code max}; the fallback when absent or wrong. */
    long whole(JsonNode node, String key, String path, long min, long max, long fallback) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problem(at(path, key), "'" + value.asText() + "' is not a whole number from " + min + " to " + max
                    + " (fix: e.g. " + key + ": " + Math.max(min, Math.min(max, fallback)) + ")");
            return fallback;
        }
        return value.asLong();
    }

    /** The list at {@code key}, or empty (with a problem when it is there but not a list). */
    List<JsonNode> list(JsonNode node, String key, String path, String example) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            problem(at(path, key), "must be a list of rules (fix: e.g. " + key + ": [" + example + "])");
            return List.of();
        }
        List<JsonNode> items = new java.util.ArrayList<>();
        value.forEach(items::add);
        return items;
    }
}
