package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.sfsync.emulator.org.FieldType.BOOLEAN;
import static dev.sfsync.emulator.org.FieldType.CURRENCY;
import static dev.sfsync.emulator.org.FieldType.DATE;
import static dev.sfsync.emulator.org.FieldType.DATETIME;
import static dev.sfsync.emulator.org.FieldType.EMAIL;
import static dev.sfsync.emulator.org.FieldType.ID;
import static dev.sfsync.emulator.org.FieldType.INT;
import static dev.sfsync.emulator.org.FieldType.PERCENT;
import static dev.sfsync.emulator.org.FieldType.PHONE;
import static dev.sfsync.emulator.org.FieldType.PICKLIST;
import static dev.sfsync.emulator.org.FieldType.REFERENCE;
import static dev.sfsync.emulator.org.FieldType.STRING;
import static dev.sfsync.emulator.org.FieldType.TEXTAREA;
import static dev.sfsync.emulator.org.FieldType.URL;

/** The standard objects every emulated org has: User, Account, Contact, Lead, Opportunity, Individual, and the {@link SetupObjects}. */
public final class BuiltInObjects {
    private BuiltInObjects() {
    }

    public static List<ObjectSchema> all() {
        List<ObjectSchema> all = new ArrayList<>(List.of(user(), account(), contact(), lead(), opportunity(), individual()));
        all.addAll(SetupObjects.all());
        all.add(RecordTypes.schema());
        return List.copyOf(all);
    }

    /** Id, audit fields and IsDeleted, which Salesforce maintains on every record. */
    public static List<FieldSchema> systemFields(boolean owned) {
        List<FieldSchema> fields = new ArrayList<>();
        fields.add(FieldSchema.builder("Id", ID).label("Record ID").readOnly().nillable(false).defaultedOnCreate(true).idLookup(true).build());
        fields.add(FieldSchema.builder("IsDeleted", BOOLEAN).label("Deleted").readOnly().build());
        if (owned) {
            fields.add(FieldSchema.builder("OwnerId", REFERENCE).label("Owner ID").nillable(false).defaultedOnCreate(true).references("User", "Owner").build());
        }
        fields.add(FieldSchema.builder("CreatedDate", DATETIME).label("Created Date").readOnly().nillable(false).defaultedOnCreate(true).build());
        fields.add(FieldSchema.builder("CreatedById", REFERENCE).label("Created By ID").readOnly().nillable(false).defaultedOnCreate(true).references("User", "CreatedBy").build());
        fields.add(FieldSchema.builder("LastModifiedDate", DATETIME).label("Last Modified Date").readOnly().nillable(false).defaultedOnCreate(true).build());
        fields.add(FieldSchema.builder("LastModifiedById", REFERENCE).label("Last Modified By ID").readOnly().nillable(false).defaultedOnCreate(true).references("User", "LastModifiedBy").build());
        fields.add(FieldSchema.builder("SystemModstamp", DATETIME).label("System Modstamp").readOnly().nillable(false).defaultedOnCreate(true).build());
        return fields;
    }

    static ObjectSchema user() {
        List<FieldSchema> f = new ArrayList<>(systemFields(false));
        f.add(FieldSchema.builder("Username", STRING).length(80).required().unique(true).build());
        f.add(FieldSchema.builder("FirstName", STRING).length(40).build());
        f.add(FieldSchema.builder("LastName", STRING).length(80).required().build());
        f.add(FieldSchema.builder("Name", STRING).length(121).readOnly().nameField().build());
        f.add(FieldSchema.builder("Email", EMAIL).required().build());
        f.add(FieldSchema.builder("IsActive", BOOLEAN).label("Active").build());
        f.add(FieldSchema.builder("ProfileId", STRING).length(18).label("Profile ID").readOnly().build());
        return new ObjectSchema("User", "User", "Users", "005", false, f, List.of());
    }

    static ObjectSchema account() {
        List<FieldSchema> f = new ArrayList<>(systemFields(true));
        f.add(FieldSchema.builder("MasterRecordId", REFERENCE).label("Master Record ID").readOnly().references("Account", "MasterRecord").build());
        f.add(FieldSchema.builder("Name", STRING).label("Account Name").required().nameField().build());
        f.add(picklist("Type", "Account Type", false, "Prospect", "Customer - Direct", "Customer - Channel",
                "Channel Partner / Reseller", "Installation Partner", "Technology Partner", "Other"));
        f.add(FieldSchema.builder("ParentId", REFERENCE).label("Parent Account ID").references("Account", "Parent").build());
        address(f, "Billing");
        address(f, "Shipping");
        f.add(FieldSchema.builder("Phone", PHONE).label("Account Phone").build());
        f.add(FieldSchema.builder("Fax", PHONE).label("Account Fax").build());
        f.add(FieldSchema.builder("AccountNumber", STRING).length(40).build());
        f.add(FieldSchema.builder("Website", URL).build());
        f.add(FieldSchema.builder("Sic", STRING).length(20).label("SIC Code").build());
        f.add(industry());
        f.add(FieldSchema.builder("AnnualRevenue", CURRENCY).scale(0).build());
        f.add(FieldSchema.builder("NumberOfEmployees", INT).precision(8).label("Employees").build());
        f.add(picklist("Ownership", "Ownership", false, "Public", "Private", "Subsidiary", "Other"));
        f.add(FieldSchema.builder("TickerSymbol", STRING).length(20).build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(32000).label("Account Description").build());
        f.add(picklist("Rating", "Account Rating", false, "Hot", "Warm", "Cold"));
        f.add(FieldSchema.builder("Site", STRING).length(80).label("Account Site").build());
        f.add(leadSource("AccountSource", "Account Source"));
        return new ObjectSchema("Account", "Account", "Accounts", "001", false, f, List.of());
    }

    static ObjectSchema contact() {
        List<FieldSchema> f = new ArrayList<>(systemFields(true));
        f.add(FieldSchema.builder("MasterRecordId", REFERENCE).label("Master Record ID").readOnly().references("Contact", "MasterRecord").build());
        f.add(FieldSchema.builder("AccountId", REFERENCE).label("Account ID").references("Account", "Account").build());
        personName(f);
        address(f, "Other");
        address(f, "Mailing");
        f.add(FieldSchema.builder("Phone", PHONE).label("Business Phone").build());
        f.add(FieldSchema.builder("MobilePhone", PHONE).label("Mobile Phone").build());
        f.add(FieldSchema.builder("Email", EMAIL).idLookup(true).build());
        f.add(FieldSchema.builder("Title", STRING).length(128).build());
        f.add(FieldSchema.builder("Department", STRING).length(80).build());
        f.add(leadSource("LeadSource", "Lead Source"));
        f.add(FieldSchema.builder("Birthdate", DATE).build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(32000).label("Contact Description").build());
        f.add(FieldSchema.builder("HasOptedOutOfEmail", BOOLEAN).label("Email Opt Out").build());
        f.add(FieldSchema.builder("DoNotCall", BOOLEAN).label("Do Not Call").build());
        f.add(FieldSchema.builder("IndividualId", REFERENCE).label("Individual ID").references("Individual", "Individual").build());
        return new ObjectSchema("Contact", "Contact", "Contacts", "003", false, f, List.of());
    }

    static ObjectSchema lead() {
        List<FieldSchema> f = new ArrayList<>(systemFields(true));
        f.add(FieldSchema.builder("MasterRecordId", REFERENCE).label("Master Record ID").readOnly().references("Lead", "MasterRecord").build());
        personName(f);
        f.add(FieldSchema.builder("Title", STRING).length(128).build());
        f.add(FieldSchema.builder("Company", STRING).required().build());
        f.add(FieldSchema.builder("Street", TEXTAREA).length(255).build());
        f.add(FieldSchema.builder("City", STRING).length(40).build());
        f.add(FieldSchema.builder("State", STRING).length(80).label("State/Province").build());
        f.add(FieldSchema.builder("PostalCode", STRING).length(20).label("Zip/Postal Code").build());
        f.add(FieldSchema.builder("Country", STRING).length(80).build());
        f.add(FieldSchema.builder("Phone", PHONE).build());
        f.add(FieldSchema.builder("MobilePhone", PHONE).label("Mobile Phone").build());
        f.add(FieldSchema.builder("Email", EMAIL).idLookup(true).build());
        f.add(FieldSchema.builder("Website", URL).build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(32000).build());
        f.add(leadSource("LeadSource", "Lead Source"));
        f.add(FieldSchema.builder("Status", PICKLIST).label("Lead Status").required()
                .picklist(values("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted"), false)
                .defaultValue("Open - Not Contacted").build());
        f.add(industry());
        f.add(picklist("Rating", "Rating", false, "Hot", "Warm", "Cold"));
        f.add(FieldSchema.builder("AnnualRevenue", CURRENCY).scale(0).build());
        f.add(FieldSchema.builder("NumberOfEmployees", INT).precision(8).label("Employees").build());
        f.add(FieldSchema.builder("HasOptedOutOfEmail", BOOLEAN).label("Email Opt Out").build());
        f.add(FieldSchema.builder("DoNotCall", BOOLEAN).label("Do Not Call").build());
        f.add(FieldSchema.builder("IsConverted", BOOLEAN).label("Converted").updateable(false).build());
        f.add(FieldSchema.builder("ConvertedDate", DATE).readOnly().build());
        f.add(FieldSchema.builder("ConvertedAccountId", REFERENCE).readOnly().references("Account", "ConvertedAccount").build());
        f.add(FieldSchema.builder("ConvertedContactId", REFERENCE).readOnly().references("Contact", "ConvertedContact").build());
        f.add(FieldSchema.builder("ConvertedOpportunityId", REFERENCE).readOnly().references("Opportunity", "ConvertedOpportunity").build());
        f.add(FieldSchema.builder("IsUnreadByOwner", BOOLEAN).label("Unread By Owner").build());
        f.add(FieldSchema.builder("IndividualId", REFERENCE).label("Individual ID").references("Individual", "Individual").build());
        return new ObjectSchema("Lead", "Lead", "Leads", "00Q", false, f, List.of());
    }

    static ObjectSchema opportunity() {
        List<FieldSchema> f = new ArrayList<>(systemFields(true));
        f.add(FieldSchema.builder("AccountId", REFERENCE).label("Account ID").references("Account", "Account").build());
        f.add(FieldSchema.builder("Name", STRING).length(120).required().nameField().build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(32000).build());
        f.add(FieldSchema.builder("StageName", PICKLIST).label("Stage").required()
                .picklist(values("Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
                        "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost"), false)
                .build());
        f.add(FieldSchema.builder("Amount", CURRENCY).build());
        f.add(FieldSchema.builder("Probability", PERCENT).precision(3).scale(0).label("Probability (%)").build());
        f.add(FieldSchema.builder("CloseDate", DATE).required().build());
        f.add(picklist("Type", "Opportunity Type", false, "Existing Customer - Upgrade", "Existing Customer - Replacement",
                "Existing Customer - Downgrade", "New Customer"));
        f.add(FieldSchema.builder("NextStep", STRING).length(255).label("Next Step").build());
        f.add(leadSource("LeadSource", "Lead Source"));
        f.add(FieldSchema.builder("IsClosed", BOOLEAN).label("Closed").readOnly().build());
        f.add(FieldSchema.builder("IsWon", BOOLEAN).label("Won").readOnly().build());
        f.add(FieldSchema.builder("ExpectedRevenue", CURRENCY).label("Expected Amount").formula("Amount * Probability").build());
        return new ObjectSchema("Opportunity", "Opportunity", "Opportunities", "006", false, f, List.of());
    }

    static ObjectSchema individual() {
        List<FieldSchema> f = new ArrayList<>(systemFields(true));
        f.add(FieldSchema.builder("MasterRecordId", REFERENCE).label("Master Record ID").readOnly().references("Individual", "MasterRecord").build());
        personName(f);
        f.add(FieldSchema.builder("BirthDate", DATE).build());
        f.add(FieldSchema.builder("HasOptedOutTracking", BOOLEAN).label("Don't Track").build());
        f.add(FieldSchema.builder("HasOptedOutProfiling", BOOLEAN).label("Don't Profile").build());
        f.add(FieldSchema.builder("HasOptedOutProcessing", BOOLEAN).label("Don't Process").build());
        f.add(FieldSchema.builder("HasOptedOutSolicit", BOOLEAN).label("Don't Market").build());
        f.add(FieldSchema.builder("ShouldForget", BOOLEAN).label("Forget this Individual").build());
        f.add(FieldSchema.builder("SendIndividualData", BOOLEAN).label("Export Individual's Data").build());
        f.add(FieldSchema.builder("CanStorePiiElsewhere", BOOLEAN).label("OK to Store PII Data Elsewhere").build());
        return new ObjectSchema("Individual", "Individual", "Individuals", "0PK", false, f, List.of());
    }

    private static void personName(List<FieldSchema> f) {
        f.add(FieldSchema.builder("LastName", STRING).length(80).label("Last Name").required().build());
        f.add(FieldSchema.builder("FirstName", STRING).length(40).label("First Name").build());
        f.add(picklist("Salutation", "Salutation", false, "Mr.", "Ms.", "Mrs.", "Dr.", "Prof."));
        // Name is compound in Salesforce: read-only, derived from FirstName and LastName on every write.
        f.add(FieldSchema.builder("Name", STRING).length(121).label("Full Name").readOnly().nameField().build());
    }

    private static void address(List<FieldSchema> f, String prefix) {
        f.add(FieldSchema.builder(prefix + "Street", TEXTAREA).length(255).build());
        f.add(FieldSchema.builder(prefix + "City", STRING).length(40).build());
        f.add(FieldSchema.builder(prefix + "State", STRING).length(80).build());
        f.add(FieldSchema.builder(prefix + "PostalCode", STRING).length(20).build());
        f.add(FieldSchema.builder(prefix + "Country", STRING).length(80).build());
    }

    private static FieldSchema industry() {
        return picklist("Industry", "Industry", false, "Agriculture", "Apparel", "Banking", "Biotechnology", "Chemicals",
                "Communications", "Construction", "Consulting", "Education", "Electronics", "Energy", "Engineering",
                "Entertainment", "Environmental", "Finance", "Food & Beverage", "Government", "Healthcare", "Hospitality",
                "Insurance", "Machinery", "Manufacturing", "Media", "Not For Profit", "Recreation", "Retail", "Shipping",
                "Technology", "Telecommunications", "Transportation", "Utilities", "Other");
    }

    private static FieldSchema leadSource(String name, String label) {
        return picklist(name, label, false, "Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Other");
    }

    private static FieldSchema picklist(String name, String label, boolean restricted, String... values) {
        return FieldSchema.builder(name, PICKLIST).label(label).picklist(values(values), restricted).build();
    }

    static List<PicklistValue> values(String... values) {
        return Arrays.stream(values).map(PicklistValue::of).toList();
    }
}
