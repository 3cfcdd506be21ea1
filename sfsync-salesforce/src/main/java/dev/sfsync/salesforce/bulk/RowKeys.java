package dev.sfsync.salesforce.bulk;

import java.util.List;

/**
 * A 64-bit fingerprint of a row's cell values. Bulk 2.0 returns results in no particular order, carrying the row's
 * original cells, so the client recognises its rows by fingerprint rather than keeping them in memory: 8 bytes a row.
 */
public final class RowKeys {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RowKeys() {
    }

    public static long of(List<String> cells) {
        long hash = FNV_OFFSET;
        for (String cell : cells) {
            for (int i = 0; i < cell.length(); i++) {
                hash = (hash ^ cell.charAt(i)) * FNV_PRIME;
            }
            // A separator that cannot occur in text keeps ("ab","c") apart from ("a","bc").
            hash = (hash ^ 0xFFFF_0001L) * FNV_PRIME;
        }
        return finish(hash);
    }

    /** SplitMix64's finaliser spreads FNV's weak low bits across the whole key. */
    private static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
