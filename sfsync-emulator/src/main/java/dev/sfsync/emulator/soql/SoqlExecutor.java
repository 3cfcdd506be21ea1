package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a query over the org's records without locking: stored versions are immutable, so a concurrent write is
 * either seen whole or not at all. {@code includeDeleted} is the difference between query and queryAll.
 */
public final class SoqlExecutor {
    private SoqlExecutor() {
    }

    public static SoqlResult execute(SoqlQuery query, Org org, Profile profile, boolean includeDeleted) {
        return execute(SoqlPlanner.plan(query, org, profile), includeDeleted);
    }

    public static SoqlResult execute(SoqlPlan plan, boolean includeDeleted) {
        RecordStore store = plan.org().store(plan.object().name())
                .orElseThrow(() -> SoqlError.unsupportedType(plan.query().text(), plan.query().objectPosition(), plan.query().object()));
        List<StoredRecord> matched = new ArrayList<>();
        for (StoredRecord record : store.all()) {
            if ((includeDeleted || !record.isDeleted()) && plan.where().test(record)) {
                matched.add(record);
            }
        }
        if (plan.order() != null) {
            matched.sort(plan.order());
        }
        List<StoredRecord> window = window(matched, plan);
        return switch (plan.shape()) {
            case RECORDS -> new SoqlResult(plan, window, window.size(), Map.of());
            case COUNT -> new SoqlResult(plan, List.of(), window.size(), Map.of());
            case AGGREGATE -> new SoqlResult(plan, List.of(), 1, counts(plan, matched));
        };
    }

    private static List<StoredRecord> window(List<StoredRecord> matched, SoqlPlan plan) {
        int from = Math.min(plan.offset(), matched.size());
        int to = plan.limit() == null ? matched.size() : (int) Math.min(matched.size(), (long) from + plan.limit());
        return matched.subList(from, to);
    }

    /** COUNT(field) counts records where the field is not null, as SQL does. */
    private static Map<String, Long> counts(SoqlPlan plan, List<StoredRecord> matched) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SoqlPlan.Column column : plan.columns()) {
            SoqlPlan.CountColumn count = (SoqlPlan.CountColumn) column;
            long n = matched.stream().filter(r -> count.field().value(r, plan.org()) != null).count();
            counts.put(count.alias(), n);
        }
        return counts;
    }
}
