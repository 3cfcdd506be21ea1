package dev.sfsync.emulator.org;

import java.time.Clock;

/**
 * The org's daily API request allowance, counted over a 24-hour window as Salesforce does, and reported in the
 * {@code Sforce-Limit-Info} header as {@code api-usage=used/max}.
 */
public final class ApiUsage {
    private final DailyAllowance requests;

    public ApiUsage(Clock clock, long max) {
        this.requests = new DailyAllowance(clock, max);
    }

    /** Counts one request; false when the allowance is already spent (the request must then be refused). */
    public boolean tryAcquire() {
        return requests.tryAcquire(1);
    }

    public long used() {
        return requests.used();
    }

    public long max() {
        return requests.max();
    }

    public void setMax(long newMax) {
        requests.setMax(newMax);
    }

    public void setUsed(long newUsed) {
        requests.setUsed(newUsed);
    }

    public void reset() {
        requests.reset();
    }

    public String header() {
        return "api-usage=" + requests.used() + "/" + requests.max();
    }
}
