package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.List;

import static dev.sfsync.emulator.org.FieldType.BOOLEAN;
import static dev.sfsync.emulator.org.FieldType.CURRENCY;
import static dev.sfsync.emulator.org.FieldType.DATE;
import static dev.sfsync.emulator.org.FieldType.DATETIME;
import static dev.sfsync.emulator.org.FieldType.DOUBLE;
import static dev.sfsync.emulator.org.FieldType.EMAIL;
import static dev.sfsync.emulator.org.FieldType.INT;
import static dev.sfsync.emulator.org.FieldType.PHONE;
import static dev.sfsync.emulator.org.FieldType.PICKLIST;
import static dev.sfsync.emulator.org.FieldType.REFERENCE;
import static dev.sfsync.emulator.org.FieldType.STRING;
import static dev.sfsync.emulator.org.FieldType.TEXTAREA;
import static dev.sfsync.emulator.org.FieldType.URL;

/**
 * The other standard objects of a Developer Edition org that clients touch: Organization (the Salesforce CLI queries it
 * on every command), UserRole, Group, Task, Event, Case, Campaign, CampaignMember, OpportunityContactRole, Attachment and
 * ContentVersion, with their usual fields, relationships and key prefixes (Salesforce's object reference).
 */
public final class StandardObjects {
    public static final String ORGANIZATION = "Organization";

    private StandardObjects() {
    }

    public static List<ObjectSchema> all() {
        return List.of(organization(), userRole(), group(), task(), event(), caseObject(), campaign(), campaignMember(),
                opportunityContactRole(), attachment(), contentVersion());
    }

    private static ObjectSchema organization() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("Name", STRING).length(80).readOnly().nameField().build());
        f.add(FieldSchema.builder("Division", STRING).length(80).readOnly().build());
        f.add(FieldSchema.builder("Street", TEXTAREA).length(255).readOnly().build());
        f.add(FieldSchema.builder("City", STRING).length(40).readOnly().build());
        f.add(FieldSchema.builder("State", STRING).length(80).readOnly().build());
        f.add(FieldSchema.builder("PostalCode", STRING).length(20).readOnly().build());
        f.add(FieldSchema.builder("Country", STRING).length(80).readOnly().build());
        f.add(FieldSchema.builder("Phone", PHONE).readOnly().build());
        f.add(FieldSchema.builder("PrimaryContact", STRING).length(80).readOnly().build());
        f.add(FieldSchema.builder("DefaultLocaleSidKey", PICKLIST).label("Locale").readOnly().picklist(BuiltInObjects.values("en_US"), false).build());
        f.add(FieldSchema.builder("LanguageLocaleKey", PICKLIST).label("Language").readOnly().picklist(BuiltInObjects.values("en_US"), false).build());
        f.add(FieldSchema.builder("TimeZoneSidKey", PICKLIST).label("Time Zone").readOnly().picklist(BuiltInObjects.values("GMT"), false).build());
        f.add(FieldSchema.builder("DefaultCurrencyIsoCode", STRING).length(3).label("Currency").readOnly().build());
        f.add(FieldSchema.builder("IsSandbox", BOOLEAN).label("Is Sandbox").readOnly().build());
        f.add(FieldSchema.builder("InstanceName", STRING).length(5).label("Instance Name").readOnly().build());
        f.add(FieldSchema.builder("OrganizationType", PICKLIST).label("Edition").readOnly()
                .picklist(BuiltInObjects.values("Team Edition", "Professional Edition", "Enterprise Edition", "Developer Edition",
                        "Personal Edition", "Unlimited Edition", "Contact Manager Edition", "Base Edition"), false).build());
        f.add(FieldSchema.builder("NamespacePrefix", STRING).length(15).label("Namespace Prefix").readOnly().build());
        f.add(FieldSchema.builder("TrialExpirationDate", DATETIME).label("Trial Expiration Date").readOnly().build());
        f.add(FieldSchema.builder("IsReadOnly", BOOLEAN).label("Is Read Only").readOnly().build());
        f.add(FieldSchema.builder("ComplianceBccEmail", EMAIL).readOnly().build());
        f.add(FieldSchema.builder("FiscalYearStartMonth", INT).precision(2).readOnly().build());
        return new ObjectSchema(ORGANIZATION, "Organization", "Organizations", "00D", false, f, List.of());
    }

    private static ObjectSchema userRole() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("Name", STRING).length(80).required().nameField().build());
        f.add(FieldSchema.builder("DeveloperName", STRING).length(80).label("Role Name").build());
        f.add(FieldSchema.builder("ParentRoleId", REFERENCE).label("Parent Role ID").references("UserRole", null).build());
        f.add(FieldSchema.builder("RollupDescription", STRING).length(80).label("Description").build());
        f.add(picklist("OpportunityAccessForAccountOwner", "Opportunity Access Level", "None", "Read", "Edit"));
        f.add(picklist("CaseAccessForAccountOwner", "Case Access Level", "None", "Read", "Edit"));
        f.add(picklist("ContactAccessForAccountOwner", "Contact Access Level", "None", "Read", "Edit"));
        f.add(FieldSchema.builder("PortalType", PICKLIST).label("Portal Type").readOnly()
                .picklist(BuiltInObjects.values("None", "CustomerPortal", "Partner"), false).build());
        return new ObjectSchema("UserRole", "Role", "Roles", "00E", false, f, List.of());
    }

    private static ObjectSchema group() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("Name", STRING).length(40).required().nameField().build());
        f.add(FieldSchema.builder("DeveloperName", STRING).length(80).label("Developer Name").build());
        f.add(FieldSchema.builder("RelatedId", REFERENCE).label("Related ID").readOnly().referencesAny("Related", "User", "UserRole").build());
        f.add(FieldSchema.builder("Type", PICKLIST).required().updateable(false)
                .picklist(BuiltInObjects.values("Regular", "Role", "RoleAndSubordinates", "Organization", "Queue", "Manager"), false)
                .defaultValue("Regular").build());
        f.add(FieldSchema.builder("Email", EMAIL).build());
        f.add(FieldSchema.builder("OwnerId", REFERENCE).label("Owner ID").defaultedOnCreate(true).references("User", "Owner").build());
        f.add(FieldSchema.builder("DoesSendEmailToMembers", BOOLEAN).label("Send Email to Members").build());
        f.add(FieldSchema.builder("DoesIncludeBosses", BOOLEAN).label("Include Bosses").build());
        return new ObjectSchema("Group", "Group", "Groups", "00G", false, f, List.of());
    }

    /** The fields Task and Event share: who, what, subject and the activity's flags. */
    private static List<FieldSchema> activity() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(true));
        f.add(FieldSchema.builder("WhoId", REFERENCE).label("Name ID").referencesAny("Who", "Contact", "Lead").build());
        f.add(FieldSchema.builder("WhatId", REFERENCE).label("Related To ID")
                .referencesAny("What", "Account", "Opportunity", "Campaign", "Case").build());
        f.add(FieldSchema.builder("AccountId", REFERENCE).label("Account ID").readOnly().references("Account", "Account").build());
        f.add(FieldSchema.builder("Subject", STRING).length(255).nameField().build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(32000).label("Description").build());
        f.add(FieldSchema.builder("IsPrivate", BOOLEAN).label("Private").build());
        f.add(FieldSchema.builder("IsArchived", BOOLEAN).label("Archived").readOnly().build());
        return f;
    }

    private static ObjectSchema task() {
        List<FieldSchema> f = activity();
        f.add(FieldSchema.builder("ActivityDate", DATE).label("Due Date Only").build());
        f.add(FieldSchema.builder("Status", PICKLIST).required()
                .picklist(BuiltInObjects.values("Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"), false)
                .defaultValue("Not Started").build());
        f.add(FieldSchema.builder("Priority", PICKLIST).required().picklist(BuiltInObjects.values("High", "Normal", "Low"), false)
                .defaultValue("Normal").build());
        f.add(FieldSchema.builder("IsHighPriority", BOOLEAN).label("High Priority").readOnly().build());
        f.add(FieldSchema.builder("IsClosed", BOOLEAN).label("Closed").readOnly().build());
        f.add(picklist("TaskSubtype", "Task Subtype", "Task", "Email", "ListEmail", "Cadence", "Call", "LinkedIn"));
        f.add(FieldSchema.builder("CallDurationInSeconds", INT).precision(8).label("Call Duration").build());
        f.add(picklist("CallType", "Call Type", "Internal", "Inbound", "Outbound"));
        f.add(FieldSchema.builder("CompletedDateTime", DATETIME).label("Completed Date/Time").readOnly().build());
        return new ObjectSchema("Task", "Task", "Tasks", "00T", false, f, List.of());
    }

    private static ObjectSchema event() {
        List<FieldSchema> f = activity();
        f.add(FieldSchema.builder("Location", STRING).length(255).build());
        f.add(FieldSchema.builder("IsAllDayEvent", BOOLEAN).label("All-Day Event").build());
        f.add(FieldSchema.builder("ActivityDateTime", DATETIME).label("Due Date Time").build());
        f.add(FieldSchema.builder("ActivityDate", DATE).label("Due Date Only").build());
        f.add(FieldSchema.builder("StartDateTime", DATETIME).label("Start Date Time").build());
        f.add(FieldSchema.builder("EndDateTime", DATETIME).label("End Date Time").build());
        f.add(FieldSchema.builder("DurationInMinutes", INT).precision(8).label("Duration").build());
        f.add(picklist("ShowAs", "Show Time As", "Busy", "OutOfOffice", "Free"));
        f.add(picklist("EventSubtype", "Event Subtype", "Event"));
        return new ObjectSchema("Event", "Event", "Events", "00U", false, f, List.of());
    }

    private static ObjectSchema caseObject() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(true));
        f.add(FieldSchema.builder("MasterRecordId", REFERENCE).label("Master Record ID").readOnly().references("Case", "MasterRecord").build());
        f.add(FieldSchema.builder("CaseNumber", STRING).length(30).label("Case Number").autoNumber().nameField().build());
        f.add(FieldSchema.builder("ContactId", REFERENCE).label("Contact ID").references("Contact", "Contact").build());
        f.add(FieldSchema.builder("AccountId", REFERENCE).label("Account ID").references("Account", "Account").build());
        f.add(FieldSchema.builder("ParentId", REFERENCE).label("Parent Case ID").references("Case", "Parent").build());
        f.add(FieldSchema.builder("SuppliedName", STRING).length(80).label("Web Name").build());
        f.add(FieldSchema.builder("SuppliedEmail", EMAIL).label("Web Email").build());
        f.add(FieldSchema.builder("SuppliedPhone", STRING).length(40).label("Web Phone").build());
        f.add(FieldSchema.builder("SuppliedCompany", STRING).length(80).label("Web Company").build());
        f.add(picklist("Type", "Case Type", "Mechanical", "Electrical", "Electronic", "Structural", "Other"));
        f.add(FieldSchema.builder("Status", PICKLIST).picklist(BuiltInObjects.values("New", "Working", "Escalated", "Closed"), false)
                .defaultValue("New").build());
        f.add(picklist("Reason", "Case Reason", "Installation", "Equipment Complexity", "Performance", "Breakdown",
                "Equipment Design", "Feedback", "Other"));
        f.add(FieldSchema.builder("Origin", PICKLIST).label("Case Origin").picklist(BuiltInObjects.values("Phone", "Email", "Web"), false).build());
        f.add(FieldSchema.builder("Subject", STRING).length(255).build());
        f.add(FieldSchema.builder("Priority", PICKLIST).picklist(BuiltInObjects.values("High", "Medium", "Low"), false).defaultValue("Medium").build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(32000).build());
        f.add(FieldSchema.builder("IsClosed", BOOLEAN).label("Closed").readOnly().build());
        f.add(FieldSchema.builder("ClosedDate", DATETIME).label("Closed Date").readOnly().build());
        f.add(FieldSchema.builder("IsEscalated", BOOLEAN).label("Escalated").build());
        return new ObjectSchema("Case", "Case", "Cases", "500", false, f, List.of());
    }

    private static ObjectSchema campaign() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(true));
        f.add(FieldSchema.builder("Name", STRING).length(80).required().nameField().build());
        f.add(FieldSchema.builder("ParentId", REFERENCE).label("Parent Campaign ID").references("Campaign", "Parent").build());
        f.add(picklist("Type", "Type", "Conference", "Webinar", "Trade Show", "Public Relations", "Partners", "Referral Program",
                "Advertisement", "Banner Ads", "Direct Mail", "Email", "Telemarketing", "Other"));
        f.add(FieldSchema.builder("Status", PICKLIST).picklist(BuiltInObjects.values("Planned", "In Progress", "Completed", "Aborted"), false)
                .defaultValue("Planned").build());
        f.add(FieldSchema.builder("StartDate", DATE).label("Start Date").build());
        f.add(FieldSchema.builder("EndDate", DATE).label("End Date").build());
        f.add(FieldSchema.builder("ExpectedRevenue", CURRENCY).scale(0).label("Expected Revenue in Campaign").build());
        f.add(FieldSchema.builder("BudgetedCost", CURRENCY).scale(0).label("Budgeted Cost in Campaign").build());
        f.add(FieldSchema.builder("ActualCost", CURRENCY).scale(0).label("Actual Cost in Campaign").build());
        f.add(FieldSchema.builder("ExpectedResponse", DOUBLE).precision(10).scale(2).label("Expected Response (%)").build());
        f.add(FieldSchema.builder("NumberSent", DOUBLE).precision(18).scale(0).label("Num Sent in Campaign").build());
        f.add(FieldSchema.builder("IsActive", BOOLEAN).label("Active").build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(32000).build());
        f.add(FieldSchema.builder("NumberOfLeads", INT).precision(9).label("Leads in Campaign").readOnly().build());
        f.add(FieldSchema.builder("NumberOfContacts", INT).precision(9).label("Contacts in Campaign").readOnly().build());
        f.add(FieldSchema.builder("NumberOfResponses", INT).precision(9).label("Responses in Campaign").readOnly().build());
        return new ObjectSchema("Campaign", "Campaign", "Campaigns", "701", false, f, List.of());
    }

    private static ObjectSchema campaignMember() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("CampaignId", REFERENCE).label("Campaign ID").required().updateable(false).references("Campaign", "Campaign").build());
        f.add(FieldSchema.builder("LeadId", REFERENCE).label("Lead ID").updateable(false).references("Lead", "Lead").build());
        f.add(FieldSchema.builder("ContactId", REFERENCE).label("Contact ID").updateable(false).references("Contact", "Contact").build());
        f.add(FieldSchema.builder("Status", PICKLIST).picklist(BuiltInObjects.values("Planned", "Received", "Responded", "Sent"), false)
                .defaultValue("Sent").build());
        f.add(FieldSchema.builder("HasResponded", BOOLEAN).label("Responded").readOnly().build());
        f.add(FieldSchema.builder("FirstRespondedDate", DATE).label("First Responded Date").readOnly().build());
        f.add(FieldSchema.builder("Name", STRING).length(121).readOnly().nameField().build());
        return new ObjectSchema("CampaignMember", "Campaign Member", "Campaign Members", "00v", false, f, List.of());
    }

    private static ObjectSchema opportunityContactRole() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(false));
        f.add(FieldSchema.builder("OpportunityId", REFERENCE).label("Opportunity ID").required().updateable(false)
                .references("Opportunity", "Opportunity").build());
        f.add(FieldSchema.builder("ContactId", REFERENCE).label("Contact ID").required().references("Contact", "Contact").build());
        f.add(picklist("Role", "Role", "Business User", "Decision Maker", "Economic Buyer", "Economic Decision Maker",
                "Evaluator", "Executive Sponsor", "Influencer", "Technical Buyer", "Other"));
        f.add(FieldSchema.builder("IsPrimary", BOOLEAN).label("Primary").build());
        return new ObjectSchema("OpportunityContactRole", "Opportunity Contact Role", "Opportunity Contact Role", "00K", false, f, List.of());
    }

    private static ObjectSchema attachment() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(true));
        f.add(FieldSchema.builder("ParentId", REFERENCE).label("Parent ID").required().updateable(false)
                .referencesAny("Parent", "Account", "Contact", "Lead", "Opportunity", "Case", "Campaign", "Task", "Event").build());
        f.add(FieldSchema.builder("Name", STRING).length(255).label("File Name").required().nameField().build());
        f.add(FieldSchema.builder("IsPrivate", BOOLEAN).label("Private").build());
        f.add(FieldSchema.builder("ContentType", STRING).length(120).label("Content Type").build());
        f.add(FieldSchema.builder("BodyLength", INT).precision(18).label("Body Length").readOnly().build());
        // Salesforce's Body is base64; small bodies are enough here, kept as the base64 text the client sends.
        f.add(FieldSchema.builder("Body", TEXTAREA).length(131072).required().build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(500).build());
        return new ObjectSchema("Attachment", "Attachment", "Attachments", "00P", false, f, List.of());
    }

    private static ObjectSchema contentVersion() {
        List<FieldSchema> f = new ArrayList<>(BuiltInObjects.systemFields(true));
        f.add(FieldSchema.builder("ContentDocumentId", STRING).length(18).label("ContentDocument ID").readOnly().build());
        f.add(FieldSchema.builder("IsLatest", BOOLEAN).label("Is Latest").readOnly().defaultValue(true).build());
        f.add(FieldSchema.builder("ContentUrl", URL).label("Content URL").build());
        f.add(FieldSchema.builder("VersionNumber", STRING).length(20).label("Version Number").readOnly().build());
        f.add(FieldSchema.builder("Title", STRING).length(255).required().nameField().build());
        f.add(FieldSchema.builder("Description", TEXTAREA).length(1000).build());
        f.add(FieldSchema.builder("PathOnClient", STRING).length(500).label("Path On Client").build());
        f.add(FieldSchema.builder("FileType", STRING).length(20).label("File Type").readOnly().build());
        f.add(FieldSchema.builder("FileExtension", STRING).length(40).label("File Extension").readOnly().build());
        f.add(FieldSchema.builder("ContentSize", INT).precision(18).label("Size").readOnly().build());
        f.add(FieldSchema.builder("FirstPublishLocationId", REFERENCE).label("First Publish Location ID").updateable(false)
                .referencesAny("FirstPublishLocation", "Account", "Contact", "Lead", "Opportunity", "Case", "User").build());
        f.add(FieldSchema.builder("VersionData", TEXTAREA).length(131072).label("Version Data").build());
        return new ObjectSchema("ContentVersion", "Content Version", "Content Versions", "068", false, f, List.of());
    }

    private static FieldSchema picklist(String name, String label, String... values) {
        return FieldSchema.builder(name, PICKLIST).label(label).picklist(BuiltInObjects.values(values), false).build();
    }
}
