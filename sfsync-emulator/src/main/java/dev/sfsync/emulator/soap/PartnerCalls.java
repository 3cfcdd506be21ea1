package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.oauth.Passwords;
import dev.sfsync.emulator.oauth.Session;
import dev.sfsync.emulator.org.Environment;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Permission;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.rest.ApiContext;
import dev.sfsync.emulator.write.FieldInput;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.RecordMerger;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The partner API's session and user calls (login, logout, getUserInfo, getServerTimestamp) and merge(). */
final class PartnerCalls {
    /** login() is not part of the API from version 65.0 on (Salesforce is retiring it); OAuth flows replace it. */
    static final int LAST_VERSION_WITH_LOGIN = 64;
    static final int MAX_MERGE_REQUESTS = 200;

    private final OrgHost host;

    PartnerCalls(OrgHost host) {
        this.host = host;
    }

    byte[] login(SoapRequest request, String version) {
        if (Integer.parseInt(version.substring(0, version.indexOf('.'))) > LAST_VERSION_WITH_LOGIN) {
            throw SoapFault.noSuchOperation(SoapNamespaces.PARTNER, "login");
        }
        Org org = host.org();
        String username = SoapRequest.text(request.operation(), "username");
        UserAccount user = username == null ? null : org.user(username).orElse(null);
        if (user == null || !user.active() || !Passwords.matches(user, SoapRequest.text(request.operation(), "password"))) {
            throw SoapFault.api("INVALID_LOGIN", "Invalid username, password, security token; or user locked out.", "LoginFault");
        }
        if (!org.apiEnabled() || !user.profile().has(Permission.ApiEnabled)) {
            throw SoapFault.api("API_DISABLED_FOR_ORG", "API is not enabled for this Organization or Partner", "LoginFault");
        }
        Session session = host.sessions().issue(user, null, "api", null);
        String orgId15 = org.id().substring(0, 15);
        SoapWriter xml = SoapWriter.response(SoapNamespaces.PARTNER).body().start("loginResponse").start("result")
                .element("metadataServerUrl", host.baseUrl() + "/services/Soap/m/" + version + "/" + orgId15)
                .element("passwordExpired", false)
                .element("sandbox", org.environment() == Environment.SANDBOX)
                .element("serverUrl", host.baseUrl() + "/services/Soap/u/" + version + "/" + orgId15)
                .element("sessionId", session.accessToken())
                .element("userId", user.id());
        userInfo(xml, "userInfo", org, user);
        return xml.end().end().end().finish();
    }

    /** getUserInfoResult, field for field in the WSDL's order; the emulator's orgs are single-currency, en_US, no roles. */
    private static void userInfo(SoapWriter xml, String element, Org org, UserAccount user) {
        xml.start(element)
                .element("accessibilityMode", false)
                .element("chatterExternal", false)
                .element("currencySymbol", "$")
                .element("orgAttachmentFileSizeLimit", 5_242_880)
                .element("orgDefaultCurrencyIsoCode", "USD")
                .element("orgDefaultCurrencyLocale", "en_US")
                .element("orgDisallowHtmlAttachments", false)
                .element("orgHasPersonAccounts", false)
                .element("organizationId", org.id())
                .element("organizationMultiCurrency", false)
                .element("organizationName", org.name())
                .element("profileId", user.profile().id())
                .element("roleId", null)
                .element("sessionSecondsValid", org.accessTokenTtl().toSeconds())
                .element("userDefaultCurrencyIsoCode", null)
                .element("userEmail", user.email())
                .element("userFullName", user.displayName())
                .element("userId", user.id())
                .element("userLanguage", "en_US")
                .element("userLocale", "en_US")
                .element("userName", user.username())
                .element("userTimeZone", "America/Los_Angeles")
                .element("userType", "Standard")
                .element("userUiSkin", "Theme3")
                .end();
    }

    static byte[] getUserInfo(ApiContext api) {
        SoapWriter xml = responseWithLimits(api);
        xml.body().start("getUserInfoResponse");
        userInfo(xml, "result", api.org(), api.user());
        return xml.end().end().finish();
    }

    static byte[] getServerTimestamp(ApiContext api) {
        SoapWriter xml = responseWithLimits(api);
        xml.body().start("getServerTimestampResponse").start("result")
                .element("timestamp", PartnerRecords.text(null, api.org().clock().instant()));
        return xml.end().end().end().finish();
    }

    /** Ends the session: its id no longer works with any API. */
    byte[] logout(ApiContext api) {
        host.sessions().revoke(api.session().accessToken());
        return SoapWriter.response(SoapNamespaces.PARTNER).body().start("logoutResponse").end().end().finish();
    }

    byte[] merge(SoapRequest request, ApiContext api) {
        // The WSDL names each request <request>; Salesforce takes any element name (jsforce sends <mergeRequests>).
        List<Element> requests = SoapRequest.children(request.operation(), null);
        if (requests.isEmpty()) {
            throw SoapFault.unexpected("MISSING_ARGUMENT", "merge() needs at least one <request> with a masterRecord and recordToMergeIds");
        }
        if (requests.size() > MAX_MERGE_REQUESTS) {
            throw SoapFault.unexpected("LIMIT_EXCEEDED", "Up to " + MAX_MERGE_REQUESTS + " merge requests can be made in a single call; this call has "
                    + requests.size());
        }
        List<RecordMerger.MergeResult> results = new ArrayList<>();
        RecordMerger merger = new RecordMerger(api.org(), api.user());
        for (Element mergeRequest : requests) {
            Element master = SoapRequest.child(mergeRequest, "masterRecord");
            if (master == null) {
                throw SoapFault.unexpected("MISSING_ARGUMENT", "each merge <request> needs a <masterRecord> (with type and Id)");
            }
            ObjectSchema schema = objectOf(api, master);
            if (!RecordMerger.MERGEABLE.contains(schema.name())) {
                throw SoapFault.unexpected("INVALID_TYPE_FOR_OPERATION", "entity type does not support merge");
            }
            Map<FieldSchema, Object> changes = FieldInput.fromMap(schema, api.profile(), PartnerWriteCalls.fields(master));
            results.add(merger.merge(schema, SoapRequest.text(master, "Id"), changes, SoapRequest.texts(mergeRequest, "recordToMergeIds")));
        }
        SoapWriter xml = responseWithLimits(api);
        xml.body().start("mergeResponse");
        for (RecordMerger.MergeResult result : results) {
            xml.start("result");
            errors(xml, result.errors());
            xml.element("id", result.id());
            result.mergedRecordIds().forEach(id -> xml.element("mergedRecordIds", id));
            xml.element("success", result.success());
            result.updatedRelatedIds().forEach(id -> xml.element("updatedRelatedIds", id));
            xml.end();
        }
        return xml.end().end().finish();
    }

    static ObjectSchema objectOf(ApiContext api, Element master) {
        String type = SoapRequest.text(master, "type");
        if (type == null) {
            throw SoapFault.api("INVALID_TYPE", "Must send a concrete entity type.", "InvalidSObjectFault");
        }
        return api.org().schema(type).orElseThrow(() -> SoapFault.api("INVALID_TYPE", "sObject type '" + type + "' is not supported.",
                "InvalidSObjectFault"));
    }

    /** The partner API's Error: fields, message, statusCode. */
    static void errors(SoapWriter xml, List<RecordError> errors) {
        for (RecordError error : errors) {
            xml.start("errors");
            error.fields().forEach(field -> xml.element("fields", field));
            xml.element("message", error.message()).element("statusCode", error.statusCode()).end();
        }
    }

    /** A partner response envelope, its header written: the caller goes on with body(). */
    static SoapWriter responseWithLimits(ApiContext api) {
        SoapWriter xml = SoapWriter.partnerResponse();
        limitInfo(xml, api);
        return xml;
    }

    /** The LimitInfoHeader Salesforce adds to partner responses: API requests used and allowed today. */
    private static void limitInfo(SoapWriter xml, ApiContext api) {
        xml.header().start("LimitInfoHeader").start("limitInfo")
                .element("current", api.org().apiUsage().used())
                .element("limit", api.org().apiUsage().max())
                .element("type", "API REQUESTS")
                .end().end().end();
    }
}
