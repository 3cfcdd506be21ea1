package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.engine.dbt.DbtManifest;
import dev.sfsync.engine.dbt.DbtModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a model given as {@code dbt: {project: ../analytics, model: dim_accounts}} from the dbt project's manifest,
 * reporting what keeps it from being used with the dbt command that fixes it: no manifest, no such model, or a
 * manifest older than the project's SQL.
 */
final class DbtModelReader {
    private static final Set<String> KEYS = Set.of("project", "model");

    private final YamlFields fields;
    private final Path directory;

    DbtModelReader(YamlFields fields, Path directory) {
        this.fields = fields;
        this.directory = directory;
    }

    Optional<DbtModel> read(JsonNode def, String modelPath) {
        String path = modelPath + ".dbt";
        JsonNode dbt = def.path("dbt");
        if (!dbt.isObject()) {
            fields.problem(path, "must be a mapping", "write e.g. 'dbt: {project: ../analytics, model: dim_accounts}'");
            return Optional.empty();
        }
        fields.onlyKeys(dbt, path, KEYS);
        Optional<String> projectName = fields.text(dbt, "project", path, "give the dbt project's directory, relative to this file, e.g. ../analytics");
        Optional<String> modelName = fields.text(dbt, "model", path, "give the dbt model's name, e.g. dim_accounts");
        if (def.has("sql") || def.has("sql_file")) {
            fields.problem(path, "a model is either dbt's or has its own SQL", "remove sql/sql_file, or remove dbt");
        }
        if (projectName.isEmpty() || modelName.isEmpty()) {
            return Optional.empty();
        }
        Path project = directory.resolve(projectName.get()).normalize();
        String inProject = " in " + project.toAbsolutePath();
        if (!Files.isDirectory(project)) {
            fields.problem(path + ".project", "no directory " + project.toAbsolutePath(), "point project at the dbt project (the directory of dbt_project.yml)");
            return Optional.empty();
        }
        DbtManifest manifest;
        try {
            manifest = DbtManifest.read(project);
        } catch (NoSuchFileException e) {
            fields.problem(path + ".project", "the dbt project has no " + DbtManifest.PATH, "run 'dbt parse' (or dbt build)" + inProject);
            return Optional.empty();
        } catch (IOException e) {
            fields.problem(path + ".project", DbtManifest.PATH + " can't be read (" + e.getClass().getSimpleName() + ")",
                    "run 'dbt parse'" + inProject + " to write it again");
            return Optional.empty();
        }
        Optional<DbtModel> model = manifest.model(modelName.get());
        if (model.isEmpty()) {
            List<String> names = manifest.modelNames();
            fields.problem(path + ".model", "the dbt manifest has no model '" + modelName.get() + "'",
                    NearestName.fix(modelName.get(), names, "dbt model") + "; if the model is new, run 'dbt parse'" + inProject);
            return Optional.empty();
        }
        try {
            List<Path> newer = manifest.filesNewerThanManifest();
            if (!newer.isEmpty()) {
                fields.problem(path + ".project", "the dbt manifest is older than " + newer.size() + " file(s) of the project (e.g. " + newer.getFirst()
                        + "), so the relation or key it gives may be out of date", "run 'dbt parse' (or dbt build, to rebuild the model too)" + inProject);
                return Optional.empty();
            }
        } catch (IOException e) {
            fields.problem(path + ".project", "can't compare the manifest's age with the project's files (" + e.getMessage() + ")",
                    "check the dbt project's permissions");
            return Optional.empty();
        }
        return model;
    }
}
