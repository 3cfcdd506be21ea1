package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.PicklistValue;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.write.FieldInput;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;
import org.w3c.dom.Element;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * convertLead(): one LeadConvert turns a lead into an account (or joins an existing one), a contact (or an existing
 * one) and, unless doNotCreateOpportunity, an opportunity; the lead is then marked converted with the ids it became.
 * A failure leaves nothing behind: what this conversion created is rolled back.
 */
final class LeadConversion {
    /** Lead fields a new contact takes over, where both objects have them. */
    private static final List<String> CONTACT_FIELDS = List.of("Salutation", "FirstName", "LastName", "Title", "Email", "Phone",
            "MobilePhone", "LeadSource", "HasOptedOutOfEmail", "DoNotCall", "Description");

    /** LeadConvertResult's values: the ids, and errors when it failed. */
    record Result(String accountId, String contactId, String leadId, String opportunityId, List<RecordError> errors) {
        boolean success() {
            return errors.isEmpty();
        }
    }

    private LeadConversion() {
    }

    static Result convert(ApiContext api, Element leadConvert) {
        Org org = api.org();
        String leadId = SalesforceIds.normalize(text(leadConvert, "leadId")).orElse(null);
        synchronized (org.writeLock()) {
            RecordStore leads = org.store("Lead").orElseThrow();
            StoredRecord lead = leadId == null ? null : leads.get(leadId).filter(r -> !r.isDeleted()).orElse(null);
            if (lead == null) {
                return failed(leadId, RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "leadId"));
            }
            if (Boolean.TRUE.equals(lead.values().get("IsConverted"))) {
                return failed(leadId, RecordError.of("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead", "leadId"));
            }
            String status = text(leadConvert, "convertedStatus");
            boolean knownStatus = lead.schema().field("Status").map(f -> f.picklistValues().stream().map(PicklistValue::value).toList())
                    .orElse(List.of()).contains(status);
            if (status == null || !knownStatus || !status.contains("Converted") || status.contains("Not Converted")) {
                return failed(leadId, RecordError.of("INVALID_STATUS", "invalid convertedStatus: " + status
                        + " (use a converted Lead Status, e.g. Closed - Converted)", "convertedStatus"));
            }
            RecordWriter writer = new RecordWriter(org, api.user());
            Result result = createRecords(api, writer, lead, leadConvert);
            if (!result.success()) {
                writer.rollback();
                return result;
            }
            Map<String, Object> values = new LinkedHashMap<>(lead.values());
            values.put("IsConverted", Boolean.TRUE);
            values.put("Status", status);
            values.put("ConvertedDate", LocalDate.now(org.clock().withZone(ZoneOffset.UTC)));
            values.put("ConvertedAccountId", result.accountId());
            values.put("ConvertedContactId", result.contactId());
            values.put("ConvertedOpportunityId", result.opportunityId());
            leads.put(new StoredRecord(leadId, lead.schema(), values));
            return result;
        }
    }

    private static Result createRecords(ApiContext api, RecordWriter writer, StoredRecord lead, Element leadConvert) {
        Map<String, Object> leadValues = lead.values();
        String accountId = existing(api, text(leadConvert, "accountId"), "Account");
        if (accountId == null) {
            WriteResult account = create(api, writer, "Account", Map.of("Name", String.valueOf(leadValues.get("Company"))));
            if (!account.success()) {
                return failed(lead.id(), account.firstError());
            }
            accountId = account.id();
        }
        String contactId = existing(api, text(leadConvert, "contactId"), "Contact");
        if (contactId == null) {
            Map<String, Object> contact = new LinkedHashMap<>();
            ObjectSchema contactSchema = api.org().schema("Contact").orElseThrow();
            for (String name : CONTACT_FIELDS) {
                Object value = leadValues.get(name);
                if (value != null && contactSchema.field(name).isPresent()) {
                    contact.put(name, String.valueOf(value));
                }
            }
            contact.put("AccountId", accountId);
            WriteResult created = create(api, writer, "Contact", contact);
            if (!created.success()) {
                return failed(lead.id(), created.firstError());
            }
            contactId = created.id();
        }
        String opportunityId = null;
        if (!"true".equals(text(leadConvert, "doNotCreateOpportunity"))) {
            String name = text(leadConvert, "opportunityName");
            FieldSchema stage = api.org().schema("Opportunity").flatMap(o -> o.field("StageName")).orElseThrow();
            Map<String, Object> opportunity = new LinkedHashMap<>();
            opportunity.put("Name", name != null ? name : leadValues.get("Company") + "-");
            opportunity.put("StageName", stage.picklistValues().getFirst().value());
            opportunity.put("CloseDate", LocalDate.now(api.org().clock().withZone(ZoneOffset.UTC)).plusMonths(1).toString());
            opportunity.put("AccountId", accountId);
            WriteResult created = create(api, writer, "Opportunity", opportunity);
            if (!created.success()) {
                return failed(lead.id(), created.firstError());
            }
            opportunityId = created.id();
        }
        return new Result(accountId, contactId, lead.id(), opportunityId, List.of());
    }

    private static WriteResult create(ApiContext api, RecordWriter writer, String object, Map<String, Object> values) {
        ObjectSchema schema = api.org().schema(object).orElseThrow();
        return writer.create(schema, FieldInput.fromMap(schema, api.profile(), values));
    }

    /** The id of a live record of that object, null when none is named; a bad one fails the call as Salesforce does. */
    private static String existing(ApiContext api, String raw, String object) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        return SalesforceIds.normalize(raw).flatMap(api.org()::findRecord).filter(r -> r.objectName().equals(object)).map(StoredRecord::id)
                .orElseThrow(() -> SoapFault.api("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id: " + raw + " is not a live "
                        + object, "InvalidIdFault"));
    }

    private static Result failed(String leadId, RecordError error) {
        return new Result(null, null, leadId, null, List.of(error));
    }

    private static String text(Element element, String name) {
        return SoapRequest.text(element, name);
    }
}
