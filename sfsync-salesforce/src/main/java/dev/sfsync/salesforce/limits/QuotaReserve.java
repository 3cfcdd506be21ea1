package dev.sfsync.salesforce.limits;

/**
 * How much of the org's daily API quota this client leaves untouched for other integrations. Before each call the
 * client checks the last usage it saw; a call that would eat into the reserve is refused with LimitExceeded.
 */
public sealed interface QuotaReserve {
    QuotaReserve NONE = new Requests(0);

    /** Requests to keep back given the org's daily maximum. */
    long reservedOf(long max);

    /** Leave this share of the daily quota, e.g. {@code percent(20)} keeps 20 %. */
    static QuotaReserve percent(double percent) {
        return new Percent(percent);
    }

    /** Leave this many requests. */
    static QuotaReserve requests(long count) {
        return new Requests(count);
    }

    /** True when one more request would cross into the reserve. */
    default boolean wouldCross(ApiUsage usage) {
        return usage.used() + 1 > usage.max() - reservedOf(usage.max());
    }

    record Percent(double percent) implements QuotaReserve {
        public Percent {
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("a quota reserve is a percentage from 0 to 100, not " + percent);
            }
        }

        @Override
        public long reservedOf(long max) {
            return (long) Math.ceil(max * percent / 100.0);
        }
    }

    record Requests(long count) implements QuotaReserve {
        public Requests {
            if (count < 0) {
                throw new IllegalArgumentException("a quota reserve cannot be negative: " + count);
            }
        }

        @Override
        public long reservedOf(long max) {
            return Math.min(count, max);
        }
    }
}
