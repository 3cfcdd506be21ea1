package dev.sfsync.engine.dbt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A dbt project's {@code target/manifest.json}, the file every dbt command writes: models by name with their
 * relation, and the tests and constraints that declare a model's unique key. Read, never written; no dbt needed.
 */
public final class DbtManifest {
    public static final String PATH = "target/manifest.json";

    private final Path project;
    private final JsonNode root;

    private DbtManifest(Path project, JsonNode root) {
        this.project = project;
        this.root = root;
    }

    /** @throws IOException when the manifest is missing or not JSON */
    public static DbtManifest read(Path project) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(project.resolve(PATH))) {
            return new DbtManifest(project, new ObjectMapper().readTree(in));
        }
    }

    public Optional<DbtModel> model(String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("nodes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode node = entry.getValue();
            if ("model".equals(node.path("resource_type").asText()) && name.equals(node.path("name").asText())) {
                return Optional.of(new DbtModel(name, relation(node), uniqueKey(entry.getKey(), node), node.path("original_file_path").asText(null)));
            }
        }
        return Optional.empty();
    }

    /** The models the manifest has, for suggesting the nearest name. */
    public List<String> modelNames() {
        List<String> names = new ArrayList<>();
        root.path("nodes").forEach(node -> {
            if ("model".equals(node.path("resource_type").asText())) {
                names.add(node.path("name").asText());
            }
        });
        return names;
    }

    /**
     * SQL files of the project changed after the manifest was written: the relation or key it gives may be out of date.
     * Looks at the project's model paths ({@code models/} unless dbt_project.yml is unusual) and dbt_project.yml.
     */
    public List<Path> filesNewerThanManifest() throws IOException {
        FileTime written = Files.getLastModifiedTime(project.resolve(PATH));
        List<Path> newer = new ArrayList<>();
        Path projectFile = project.resolve("dbt_project.yml");
        if (Files.isRegularFile(projectFile) && Files.getLastModifiedTime(projectFile).compareTo(written) > 0) {
            newer.add(project.relativize(projectFile));
        }
        Path models = project.resolve("models");
        if (Files.isDirectory(models)) {
            try (Stream<Path> files = Files.walk(models)) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".sql") || f.toString().endsWith(".yml"))::iterator) {
                    if (Files.getLastModifiedTime(file).compareTo(written) > 0) {
                        newer.add(project.relativize(file));
                    }
                }
            }
        }
        return newer;
    }

    private static String relation(JsonNode node) {
        String relation = node.path("relation_name").asText("");
        if (!relation.isBlank()) {
            return relation;
        }
        // Manifests before dbt 1.3 have no relation_name: quote the parts as dbt does by default.
        String alias = node.path("alias").asText(node.path("name").asText());
        List<String> parts = new ArrayList<>();
        for (String part : new String[] {node.path("database").asText(""), node.path("schema").asText(""), alias}) {
            if (!part.isBlank()) {
                parts.add('"' + part.replace("\"", "\"\"") + '"');
            }
        }
        return String.join(".", parts);
    }

    /** A primary-key constraint first (it is the model's own declaration), then a unique test attached to the model. */
    private List<String> uniqueKey(String uniqueId, JsonNode model) {
        for (JsonNode constraint : model.path("constraints")) {
            if ("primary_key".equals(constraint.path("type").asText()) && constraint.path("columns").isArray()) {
                return texts(constraint.path("columns"));
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> column = it.next();
            for (JsonNode constraint : column.getValue().path("constraints")) {
                if ("primary_key".equals(constraint.path("type").asText())) {
                    return List.of(column.getValue().path("name").asText(column.getKey()));
                }
            }
        }
        for (JsonNode node : root.path("nodes")) {
            if (!"test".equals(node.path("resource_type").asText()) || !testsModel(node, uniqueId)) {
                continue;
            }
            JsonNode metadata = node.path("test_metadata");
            String test = metadata.path("name").asText();
            if (test.equals("unique") && !node.path("column_name").asText("").isBlank()) {
                return List.of(node.path("column_name").asText());
            }
            if (test.equals("unique") && metadata.path("kwargs").has("column_name")) {
                return List.of(metadata.path("kwargs").path("column_name").asText());
            }
            if (test.equals("unique_combination_of_columns")) {
                return texts(metadata.path("kwargs").path("combination_of_columns"));
            }
        }
        return List.of();
    }

    private static boolean testsModel(JsonNode test, String uniqueId) {
        if (uniqueId.equals(test.path("attached_node").asText())) {
            return true;
        }
        JsonNode dependsOn = test.path("depends_on").path("nodes");
        return dependsOn.size() == 1 && uniqueId.equals(dependsOn.get(0).asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(item.asText()));
        return out;
    }
}
