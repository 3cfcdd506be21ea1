package dev.sfsync.emulator.faults;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sfsync.emulator.org.FaultsSection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Fault rules written as the org file's faults: section, for tests that set them on a running org. */
final class FaultYaml {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private FaultYaml() {
    }

    static FaultRules rules(String yaml) {
        List<String> problems = new ArrayList<>();
        try {
            FaultRules rules = FaultsSection.read(YAML.readTree(yaml), "faults", null, problems);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("bad fault rules in a test: " + problems);
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
