package dev.sfsync.salesforce.bulk;

import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds which input row a result belongs to, from the rows' fingerprints. Identical rows share a fingerprint; each
 * result takes the first of them (in input order) not yet taken, which is as good as any since they were the same. Memory: 12 bytes
 * and a bit per row of one job.
 */
public final class RowMatcher {
    private final long[] sortedKeys;
    private final int[] rowAt;
    private final BitSet taken;

    public RowMatcher(long[] keysByRow) {
        int n = keysByRow.length;
        sortedKeys = keysByRow.clone();
        rowAt = new int[n];
        Arrays.setAll(rowAt, i -> i);
        sort(0, n - 1);
        // Quicksort is not stable; ordering each run of equal keys by row makes identical rows match in input order.
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && sortedKeys[to] == sortedKeys[from]) {
                to++;
            }
            Arrays.sort(rowAt, from, to);
            from = to;
        }
        taken = new BitSet(n);
    }

    /** The input row with this fingerprint not matched yet, or -1 if there is none. */
    public int take(long key) {
        int at = Arrays.binarySearch(sortedKeys, key);
        if (at < 0) {
            return -1;
        }
        while (at > 0 && sortedKeys[at - 1] == key) {
            at--;
        }
        for (; at < sortedKeys.length && sortedKeys[at] == key; at++) {
            if (!taken.get(at)) {
                taken.set(at);
                return rowAt[at];
            }
        }
        return -1;
    }

    /** Rows no result was matched to, in input order. */
    public int[] untaken() {
        int[] rows = new int[sortedKeys.length - taken.cardinality()];
        int k = 0;
        for (int at = taken.nextClearBit(0); at < sortedKeys.length; at = taken.nextClearBit(at + 1)) {
            rows[k++] = rowAt[at];
        }
        Arrays.sort(rows);
        return rows;
    }

    /** Quicksort of the keys, carrying each key's row along (the JDK sorts no parallel arrays). */
    private void sort(int low, int high) {
        while (low < high) {
            long pivot = sortedKeys[low + ThreadLocalRandom.current().nextInt(high - low + 1)];
            int i = low;
            int j = high;
            while (i <= j) {
                while (sortedKeys[i] < pivot) {
                    i++;
                }
                while (sortedKeys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(i++, j--);
                }
            }
            // Recurse into the smaller half so the stack stays logarithmic.
            if (j - low < high - i) {
                sort(low, j);
                low = i;
            } else {
                sort(i, high);
                high = j;
            }
        }
    }

    private void swap(int a, int b) {
        long key = sortedKeys[a];
        sortedKeys[a] = sortedKeys[b];
        sortedKeys[b] = key;
        int row = rowAt[a];
        rowAt[a] = rowAt[b];
        rowAt[b] = row;
    }
}
