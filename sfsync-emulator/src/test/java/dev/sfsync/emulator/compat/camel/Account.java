package dev.sfsync.emulator.compat.camel;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.camel.component.salesforce.api.dto.AbstractSObjectBase;

/**
 * The Account DTO Camel users generate with camel-salesforce-maven-plugin, cut down to the fields the suite writes.
 * Accessors are named as the plugin names them ({@code getExternal_Key__c}): Camel finds an external ID's value by that
 * name. A generated class lists every field of the describe; this one ignores the rest instead, which changes nothing
 * about what goes over the wire.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class Account extends AbstractSObjectBase {
    private String externalKey;
    private String tier;
    private Double score;

    public Account() {
        getAttributes().setType("Account");
    }

    @JsonProperty("External_Key__c")
    public String getExternal_Key__c() { return externalKey; }

    @JsonProperty("External_Key__c")
    public void setExternal_Key__c(String externalKey) { this.externalKey = externalKey; }

    @JsonProperty("Tier__c")
    public String getTier__c() { return tier; }

    @JsonProperty("Tier__c")
    public void setTier__c(String tier) { this.tier = tier; }

    @JsonProperty("Score__c")
    public Double getScore__c() { return score; }

    @JsonProperty("Score__c")
    public void setScore__c(Double score) { this.score = score; }
}
