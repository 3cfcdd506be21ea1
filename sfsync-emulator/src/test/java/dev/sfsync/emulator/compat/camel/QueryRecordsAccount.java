package dev.sfsync.emulator.compat.camel;

import org.apache.camel.component.salesforce.api.dto.AbstractQueryRecordsBase;

/** The query result class camel-salesforce-maven-plugin generates beside each DTO. */
public class QueryRecordsAccount extends AbstractQueryRecordsBase<Account> {
}
