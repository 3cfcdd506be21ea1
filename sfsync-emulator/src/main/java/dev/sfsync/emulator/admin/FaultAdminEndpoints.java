package dev.sfsync.emulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.faults.FaultRules;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.FaultsSection;
import dev.sfsync.emulator.org.ObjectSchema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The org's fault rules at run time, in the shape of the org file's {@code faults:} section as JSON: GET shows them
 * with the seed in use, PUT replaces them, DELETE removes them, POST /seed replays with another seed, GET /log lists
 * the faults injected since the last change. Every change starts the counting of calls afresh; POST /__admin/reset
 * goes back to the org file's rules.
 */
final class FaultAdminEndpoints {
    private final OrgHost host;

    FaultAdminEndpoints(OrgHost host) {
        this.host = host;
    }

    void register(Router router) {
        router.on("GET", "/__admin/faults/?", (ex, m) -> ex.json(200, host.faults().rules().toJson()));
        router.on("PUT", "/__admin/faults/?", this::replace);
        router.on("DELETE", "/__admin/faults/?", (ex, m) -> { host.faults().clear(); ex.noContent(); });
        router.on("POST", "/__admin/faults/seed", this::seed);
        router.on("GET", "/__admin/faults/log", (ex, m) -> ex.json(200, host.faults().log()));
    }

    private void replace(Exchange ex, Matcher m) {
        List<String> problems = new ArrayList<>();
        List<String> objects = host.org().schemas().stream().map(ObjectSchema::name).toList();
        FaultRules rules = FaultsSection.read(ex.jsonBody(), "", objects, problems);
        if (!problems.isEmpty()) {
            throw invalid("INVALID_FAULTS", problems);
        }
        host.faults().set(rules);
        ex.json(200, host.faults().rules().toJson());
    }

    private void seed(Exchange ex, Matcher m) {
        JsonNode seed = ex.jsonBody().path("seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new ApiException(400, "INVALID_FAULTS", "seed: missing or not a whole number (fix: send {\"seed\": 42})");
        }
        host.faults().seed(seed.asLong());
        ex.json(200, Map.of("seed", host.faults().seed()));
    }

    /** One error item per problem, each with its path and fix, as the org file's loader reports them. */
    static ApiException invalid(String errorCode, List<String> problems) {
        return new ApiException(400, problems.stream().map(p -> new ApiException.ErrorItem(p, errorCode, null)).toList());
    }
}
