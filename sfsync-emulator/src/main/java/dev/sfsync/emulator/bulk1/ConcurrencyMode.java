package dev.sfsync.emulator.bulk1;

/**
 * How a job's batches run: Parallel runs several at once (and their records can contend for the same locks),
 * Serial runs them one at a time in the order they were added.
 */
enum ConcurrencyMode {
    Parallel(4), Serial(1);

    private final int batchesAtOnce;

    ConcurrencyMode(int batchesAtOnce) {
        this.batchesAtOnce = batchesAtOnce;
    }

    int batchesAtOnce() {
        return batchesAtOnce;
    }
}
