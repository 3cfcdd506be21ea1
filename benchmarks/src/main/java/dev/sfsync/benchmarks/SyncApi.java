package dev.sfsync.benchmarks;

import java.util.Locale;

/** The three APIs an sfsync sync can write through, with the batch size the benchmark runs each at. */
enum SyncApi {
    /** sObject Collections take 200 records per call, which is also sfsync's default. */
    REST(200),
    /** Bulk 1.0 at its largest batch (10,000 records): sfsync's default of 1,000 would cost ten times the calls. */
    BULK1(10_000),
    /** Bulk 2.0 has no batch size: jobs are split by upload size. */
    BULK2(0);

    private final int batchSize;

    SyncApi(int batchSize) {
        this.batchSize = batchSize;
    }

    int batchSize() {
        return batchSize;
    }

    String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SyncApi parse(String name) {
        for (SyncApi api : values()) {
            if (api.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return api;
            }
        }
        throw new IllegalArgumentException("unknown API '" + name + "' in --apis; use rest, bulk1 and/or bulk2, e.g. --apis rest,bulk2");
    }
}
