package dev.sfsync.salesforce.soap;

import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.ApiRequest.Idempotency;
import dev.sfsync.salesforce.internal.RawResponse;
import dev.sfsync.salesforce.internal.Soap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SOAP partner API (/services/Soap/u/{version}) for the one call REST lacks: merge. */
public final class PartnerClient {
    static final String PARTNER_NS = "urn:partner.soap.sforce.com";
    static final String SOBJECT_NS = "urn:sobject.partner.soap.sforce.com";

    private final ApiCaller caller;
    private final String endpoint;

    public PartnerClient(ApiCaller caller, String apiVersion) {
        this.caller = caller;
        this.endpoint = "/services/Soap/u/" + apiVersion;
    }

    public MergeResult merge(String object, String masterId, List<String> victimIds) {
        return merge(object, masterId, victimIds, Map.of());
    }

    /**
     * Merges one or two records into a master (Account, Contact, Lead; Salesforce's limit is three records per merge).
     * {@code masterValues} overwrite the master's fields, for values to keep from a victim. ONCE_ONLY: after a lost
     * answer the victims may already be gone, so the merge is not repeated; check the master's MasterRecordId children.
     */
    public MergeResult merge(String object, String masterId, List<String> victimIds, Map<String, ?> masterValues) {
        if (victimIds.isEmpty() || victimIds.size() > 2) {
            throw new IllegalArgumentException("a merge takes one or two records into the master (three records at most), not " + victimIds.size());
        }
        StringBuilder body = new StringBuilder("<merge><request><masterRecord>");
        body.append("<sf:type>").append(Soap.escape(object)).append("</sf:type>");
        body.append("<sf:Id>").append(Soap.escape(masterId)).append("</sf:Id>");
        masterValues.forEach((field, value) -> body.append("<sf:").append(field).append('>')
                .append(value == null ? "" : Soap.escape(String.valueOf(value))).append("</sf:").append(field).append('>'));
        body.append("</masterRecord>");
        for (String victim : victimIds) {
            body.append("<recordToMergeIds>").append(Soap.escape(victim)).append("</recordToMergeIds>");
        }
        body.append("</request></merge>");
        Document answer;
        try (RawResponse response = caller.call(Soap.request(endpoint, PARTNER_NS, "xmlns:sf=\"" + SOBJECT_NS + "\"", body.toString(), Idempotency.ONCE_ONLY))) {
            answer = Soap.parse(response.readAll());
        }
        Element result = Soap.descendants(answer, "result").stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the partner API answered merge without a result"));
        return result(result);
    }

    static MergeResult result(Element result) {
        List<SalesforceError> errors = new ArrayList<>();
        for (Element error : Soap.children(result, "errors")) {
            List<String> fields = Soap.children(error, "fields").stream().map(Node::getTextContent).toList();
            errors.add(new SalesforceError(Soap.childText(error, "statusCode").orElse("UNKNOWN_EXCEPTION"), Soap.childText(error, "message").orElse(""), fields));
        }
        return new MergeResult(Soap.childText(result, "id").orElse(null), Soap.childText(result, "success").map(Boolean::parseBoolean).orElse(false),
                texts(result, "mergedRecordIds"), texts(result, "updatedRelatedIds"), errors);
    }

    private static List<String> texts(Element parent, String name) {
        return Soap.children(parent, name).stream().map(Node::getTextContent).toList();
    }
}
