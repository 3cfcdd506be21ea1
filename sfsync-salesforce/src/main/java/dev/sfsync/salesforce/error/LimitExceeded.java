package dev.sfsync.salesforce.error;

import dev.sfsync.salesforce.limits.ApiUsage;

import java.util.List;
import java.util.Optional;

/**
 * A quota is spent: the org's daily API requests (REQUEST_LIMIT_EXCEEDED), a Bulk allowance, or the reserve this
 * client was told to leave for others ({@link #byReserve()}). Sending more only burns what is left, so the client
 * stops and reports the quota state it last saw.
 */
public final class LimitExceeded extends SalesforceException {
    public static final String RESERVE_CODE = "QUOTA_RESERVE_REACHED";

    private final ApiUsage usage;
    private final boolean byReserve;

    LimitExceeded(Failure failure, ApiUsage usage, boolean byReserve, Throwable cause) {
        super(failure, cause);
        this.usage = usage;
        this.byReserve = byReserve;
    }

    /** The org refused the call; {@code usage} is the last quota state seen, if any. */
    public static LimitExceeded byOrg(Failure failure, ApiUsage usage) {
        return new LimitExceeded(failure, usage, false, null);
    }

    /** This client refused to send the call because it would eat into the reserve. */
    public static LimitExceeded byReserve(String request, ApiUsage usage, long reserved) {
        String message = "the org has used " + usage.used() + " of its " + usage.max() + " daily API requests; this client keeps the last "
                + reserved + " for other integrations and stops here";
        Failure failure = new Failure(request, 0, ErrorKind.LIMIT, List.of(new SalesforceError(RESERVE_CODE, message)));
        return new LimitExceeded(failure, usage, true, null);
    }

    public Optional<ApiUsage> usage() {
        return Optional.ofNullable(usage);
    }

    public boolean byReserve() {
        return byReserve;
    }
}
