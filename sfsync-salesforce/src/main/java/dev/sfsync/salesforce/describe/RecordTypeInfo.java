package dev.sfsync.salesforce.describe;

/**
 * One record type of an object's describe, as the connected user sees it.
 *
 * @param available        the user's profile may give records this record type
 * @param defaultForUser   records the user creates without a RecordTypeId get this one
 */
public record RecordTypeInfo(String id, String developerName, String name, boolean active, boolean available, boolean defaultForUser,
                             boolean master) {
}
