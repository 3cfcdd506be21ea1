package dev.sfsync.salesforce.describe;

import java.util.List;
import java.util.Optional;

/** GET /sobjects: every object the user can see, and the org's maximum batch size for SOAP-style calls. */
public record DescribeGlobal(String encoding, int maxBatchSize, List<SObjectSummary> sobjects) {
    public DescribeGlobal {
        sobjects = List.copyOf(sobjects);
    }

    public Optional<SObjectSummary> object(String name) {
        return sobjects.stream().filter(s -> s.name().equalsIgnoreCase(name)).findFirst();
    }
}
