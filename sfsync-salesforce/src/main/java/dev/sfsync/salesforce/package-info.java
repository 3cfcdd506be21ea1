/** The Salesforce client (auth, REST, Bulk 1.0/2.0, Metadata/Tooling, errors). Filled by the client-library issue. */
package dev.sfsync.salesforce;
