package dev.sfsync.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sfsync.emulator.faults.ErrorRule;
import dev.sfsync.emulator.faults.FaultEvent;
import dev.sfsync.emulator.faults.FaultRules;
import dev.sfsync.emulator.faults.Faults;
import dev.sfsync.emulator.faults.Firing;
import dev.sfsync.emulator.faults.RecordErrorRule;
import dev.sfsync.emulator.faults.RuleScope;
import dev.sfsync.emulator.org.FaultsSection;
import dev.sfsync.emulator.org.ObjectSchema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults of the emulated org, for the test that is running (the extension's reset before each test goes back to
 * the org file's faults). Rules are written as the org file's {@code faults:} section:
 * <pre>{@code
 * org.faults().set("errors: [{api: rest, rate: 0.05, status: 503}]");
 * org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 3);     // the next three records written fail
 * }</pre>
 * Each change starts the numbering of calls afresh, so a seed replays the same faults for the same calls.
 */
public final class FaultControl {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final EmulatedOrg org;

    FaultControl(EmulatedOrg org) {
        this.org = org;
    }

    private Faults faults() {
        return org.host().faults();
    }

    /** Replaces the rules with a faults: section in YAML (or JSON); a mistake fails with every problem and its fix. */
    public FaultControl set(String yaml) {
        JsonNode node;
        try {
            node = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("fault rules are not YAML: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        List<String> objects = org.host().org().schemas().stream().map(ObjectSchema::name).toList();
        FaultRules rules = FaultsSection.read(node, "faults", objects, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("fault rules have " + problems.size() + " problem(s):\n  - " + String.join("\n  - ", problems));
        }
        faults().set(rules);
        return this;
    }

    public FaultControl set(FaultRules rules) {
        faults().set(rules);
        return this;
    }

    /** Fails the next {@code times} calls of every API but OAuth with this code, at its usual status. */
    public FaultControl failNextCalls(String errorCode, int times) {
        FaultRules rules = faults().rules();
        List<ErrorRule> errors = new ArrayList<>(rules.errors());
        errors.add(new ErrorRule(RuleScope.EVERY_API, Firing.times(times), null, errorCode, null));
        faults().set(rules.withErrors(errors));
        return this;
    }

    /** Fails the next {@code count} records written through any API with this code; the other records are saved. */
    public FaultControl failNextRecords(String errorCode, int count) {
        FaultRules rules = faults().rules();
        List<RecordErrorRule> records = new ArrayList<>(rules.recordErrors());
        records.add(new RecordErrorRule(null, null, Firing.times(count), errorCode, null));
        faults().set(rules.withRecordErrors(records));
        return this;
    }

    /** No faults until the next test. */
    public void clear() {
        faults().clear();
    }

    public FaultControl seed(long seed) {
        faults().seed(seed);
        return this;
    }

    public long seed() {
        return faults().seed();
    }

    public FaultRules rules() {
        return faults().rules();
    }

    /** The faults injected since the rules or the seed last changed, oldest first. */
    public List<FaultEvent> log() {
        return faults().log().events();
    }
}
