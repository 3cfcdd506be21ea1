package dev.sfsync.emulator;

import dev.sfsync.emulator.org.Environment;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StandardObjects;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SystemFields;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The org's one Organization record, whose Id is the org id: the Salesforce CLI reads it on every command (IsSandbox,
 * TrialExpirationDate, NamespacePrefix, InstanceName, OrganizationType) to tell what kind of org it talks to.
 */
final class OrganizationRecord {
    private OrganizationRecord() {
    }

    static void seed(Org org) {
        RecordStore store = org.store(StandardObjects.ORGANIZATION).orElseThrow();
        boolean sandbox = org.environment() == Environment.SANDBOX;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("Name", org.name());
        values.put("Country", "US");
        values.put("PrimaryContact", org.defaultUser().displayName());
        values.put("DefaultLocaleSidKey", "en_US");
        values.put("LanguageLocaleKey", "en_US");
        values.put("TimeZoneSidKey", "GMT");
        values.put("DefaultCurrencyIsoCode", "USD");
        values.put("IsSandbox", sandbox);
        values.put("InstanceName", sandbox ? "USA1S" : "USA1");
        values.put("OrganizationType", "Developer Edition");
        values.put("NamespacePrefix", null);
        values.put("TrialExpirationDate", null);
        values.put("IsReadOnly", false);
        values.put("FiscalYearStartMonth", 1);
        store.put(new StoredRecord(org.id(), store.schema(), SystemFields.stamp(values, org.id(), org.defaultUser().id(), org.clock().instant(), true)));
    }
}
