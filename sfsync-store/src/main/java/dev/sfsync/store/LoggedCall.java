package dev.sfsync.store;

/** A call as the API log numbered it: {@code seq} is unique in the store and what an outcome points at. */
public record LoggedCall(long seq, ApiCall call) {
}
