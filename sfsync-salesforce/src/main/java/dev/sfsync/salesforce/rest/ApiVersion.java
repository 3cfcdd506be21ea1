package dev.sfsync.salesforce.rest;

/** One entry of GET /services/data: e.g. label "Winter '25", url "/services/data/v62.0", version "62.0". */
public record ApiVersion(String label, String url, String version) {
}
