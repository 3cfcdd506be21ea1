package dev.sfsync.core.change;

/**
 * How many rows of each kind a change set holds.
 *
 * @param modelRows all rows the model returned
 * @param added     rows not in the snapshot
 * @param changed   rows whose mapped columns changed
 * @param removed   snapshot rows the model no longer returns
 * @param retried   rows among the above that failed last run
 */
public record ChangeCounts(long modelRows, long added, long changed, long removed, long retried) {
    public long total() {
        return added + changed + removed;
    }

    public long unchanged() {
        return modelRows - added - changed;
    }

    public long of(ChangeKind kind) {
        return switch (kind) {
            case ADDED -> added;
            case CHANGED -> changed;
            case REMOVED -> removed;
        };
    }
}
