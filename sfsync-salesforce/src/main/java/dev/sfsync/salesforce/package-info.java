/**
 * The Salesforce client: {@link dev.sfsync.salesforce.SalesforceClient} is the entry to connections (auth), REST,
 * Bulk API 2.0 and 1.0, Metadata, field-level security and SOAP merge. Records' fates are data; failed calls throw
 * {@link dev.sfsync.salesforce.error.SalesforceException}. See the module's README for examples.
 */
package dev.sfsync.salesforce;
