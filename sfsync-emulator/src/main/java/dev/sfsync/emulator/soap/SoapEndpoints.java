package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.ApiVersions;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.rest.RestAuth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Matcher;

/**
 * The SOAP APIs: the partner API at /services/Soap/u/{version} (login, merge) and the Metadata API at
 * /services/Soap/m/{version} (CRUD calls on CustomField), each also with the org id after the version, as the URLs
 * login() hands out have it. Every failure is answered as a SOAP fault with HTTP 500, as Salesforce answers them.
 */
public final class SoapEndpoints {
    private static final Logger LOG = LoggerFactory.getLogger(SoapEndpoints.class);
    static final String XML = "text/xml;charset=UTF-8";
    private static final java.util.Set<String> QUERY_FAULTS = java.util.Set.of("InvalidFieldFault", "InvalidSObjectFault", "MalformedQueryFault");
    private static final java.util.regex.Pattern POSITION = java.util.regex.Pattern.compile("ERROR at Row:(\\d+):Column:(\\d+)");

    private final OrgHost host;
    private final PartnerCalls partner;
    private final PartnerQueryCalls partnerQueries;
    private final PartnerWriteCalls partnerWrites;
    private final MetadataCalls metadata;
    private final MetadataListCalls metadataLists;

    public SoapEndpoints(OrgHost host) {
        this.host = host;
        this.partner = new PartnerCalls(host);
        this.partnerQueries = new PartnerQueryCalls(host);
        this.partnerWrites = new PartnerWriteCalls(host);
        this.metadata = new MetadataCalls(host);
        this.metadataLists = new MetadataListCalls(host);
    }

    public void register(Router router) {
        router.on("POST", "/services/Soap/u/([^/]+)(?:/[^/]+)?/?", (ex, m) -> call(ex, m, SoapNamespaces.PARTNER_FAULT, this::partner));
        router.on("POST", "/services/Soap/m/([^/]+)(?:/[^/]+)?/?", (ex, m) -> call(ex, m, SoapNamespaces.METADATA, this::metadata));
        // The enterprise API (c), Apex (s), Tooling (T) and any other SOAP API: a SOAP fault that says what the emulator serves.
        router.on("POST", "/services/Soap/(?!u/|m/)([^/]+)(?:/.*)?", (ex, m) -> ex.send(500, XML, render(SoapFault.client("The sfsync emulator "
                + "serves the partner API (/services/Soap/u/VERSION) and the Metadata API (/services/Soap/m/VERSION), not /services/Soap/"
                + m.group(1) + "; generate your client from the partner WSDL"), SoapNamespaces.PARTNER_FAULT)));
    }

    /** One API's handling of a parsed call; answers with the response body. */
    @FunctionalInterface
    private interface Api {
        byte[] handle(SoapRequest request, String version, Exchange exchange);
    }

    private void call(Exchange ex, Matcher m, String faultNamespace, Api api) {
        try {
            String version = m.group(1);
            if (!ApiVersions.supported(version)) {
                throw SoapFault.unexpected("UNSUPPORTED_API_VERSION", "Invalid Api version specified on URL: " + version
                        + " (the emulator serves " + ApiVersions.OLDEST + ".0 to " + ApiVersions.NEWEST + ".0)");
            }
            SoapRequest request = SoapRequest.parse(ex.body());
            ex.send(200, XML, api.handle(request, version, ex));
        } catch (SoapFault fault) {
            ex.send(500, XML, render(fault, faultNamespace));
        } catch (ApiException e) {
            ex.send(500, XML, render(SoapFault.from(e), faultNamespace));
        } catch (RuntimeException e) {
            LOG.error("SOAP call failed on {}", ex.path(), e);
            ex.send(500, XML, render(SoapFault.unexpected("UNKNOWN_EXCEPTION", "An unexpected error occurred: " + e), faultNamespace));
        }
    }

    private byte[] partner(SoapRequest request, String version, Exchange ex) {
        if (!SoapNamespaces.PARTNER.equals(request.operationNamespace())) {
            throw SoapFault.noSuchOperation(request.operationNamespace(), request.operationName());
        }
        if (request.operationName().equals("login")) {
            return partner.login(request, version);
        }
        ApiContext api = authenticate(request, version, ex);
        return switch (request.operationName()) {
            case "merge" -> partner.merge(request, api);
            case "logout" -> partner.logout(api);
            case "getUserInfo" -> PartnerCalls.getUserInfo(api);
            case "getServerTimestamp" -> PartnerCalls.getServerTimestamp(api);
            case "describeGlobal" -> PartnerDescribeCalls.describeGlobal(api);
            case "describeSObject", "describeSObjects" -> PartnerDescribeCalls.describeSObjects(request, api);
            case "query" -> partnerQueries.query(request, api, false);
            case "queryAll" -> partnerQueries.query(request, api, true);
            case "queryMore" -> partnerQueries.queryMore(request, api);
            case "retrieve" -> partnerQueries.retrieve(request, api);
            case "create" -> partnerWrites.create(request, api);
            case "update" -> partnerWrites.update(request, api);
            case "upsert" -> partnerWrites.upsert(request, api);
            case "delete" -> partnerWrites.delete(request, api);
            case "undelete" -> partnerWrites.undelete(request, api);
            case "convertLead" -> partnerWrites.convertLead(request, api);
            default -> throw SoapFault.noSuchOperation(SoapNamespaces.PARTNER, request.operationName());
        };
    }

    private byte[] metadata(SoapRequest request, String version, Exchange ex) {
        if (SoapNamespaces.METADATA.equals(request.operationNamespace()) && MetadataListCalls.handles(request.operationName())) {
            return metadataLists.handle(request, authenticate(request, version, ex));
        }
        if (!SoapNamespaces.METADATA.equals(request.operationNamespace()) || !MetadataCalls.handles(request.operationName())) {
            throw SoapFault.noSuchOperation(request.operationNamespace(), request.operationName());
        }
        return metadata.handle(request, authenticate(request, version, ex));
    }

    /** The REST API's checks (session, API access, daily limit) with the session id of the SessionHeader. */
    private ApiContext authenticate(SoapRequest request, String version, Exchange ex) {
        if (request.sessionId() == null || request.sessionId().isEmpty()) {
            throw SoapFault.invalidSession();
        }
        return RestAuth.authenticate(host, ex, version, request.sessionId());
    }

    static byte[] render(SoapFault fault, String faultNamespace) {
        SoapWriter xml = SoapWriter.fault(faultNamespace).body().startPrefixed("soapenv", "Fault", SoapNamespaces.ENVELOPE)
                .element("faultcode", fault.faultCode())
                .element("faultstring", fault.faultString());
        if (fault.detailType() != null) {
            xml.start("detail")
                    .startPrefixed("sf", fault.detailType(), faultNamespace)
                    .attribute("xsi", "type", SoapNamespaces.XSI, "sf:" + fault.detailType())
                    .prefixedElement("sf", "exceptionCode", faultNamespace, fault.code())
                    .prefixedElement("sf", "exceptionMessage", faultNamespace, fault.getMessage());
            if (QUERY_FAULTS.contains(fault.detailType())) {
                // ApiQueryFault's row and column are required by the WSDL; -1 when the error has no position.
                Matcher at = POSITION.matcher(fault.getMessage());
                boolean found = at.find();
                xml.prefixedElement("sf", "row", faultNamespace, found ? at.group(1) : "-1")
                        .prefixedElement("sf", "column", faultNamespace, found ? at.group(2) : "-1");
            }
            xml.end()
                    .end();
        }
        return xml.end().end().finish();
    }
}
