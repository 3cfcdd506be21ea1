package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.regex.Matcher;

/**
 * Bulk API 1.0 under /services/async/{version}/job, authenticated by the X-SFDC-Session header, answering in
 * Bulk 1.0's own XML or JSON shapes, errors included; plus test controls under /__admin/bulk1.
 */
public final class Bulk1Endpoints {
    private static final String V = "/services/async/([^/]+)";
    private static final Logger LOG = LoggerFactory.getLogger(Bulk1Endpoints.class);

    /** Handles one authenticated Bulk call. */
    @FunctionalInterface
    private interface CallHandler {
        void handle(Bulk1Call call, Matcher path);
    }

    private final OrgHost host;

    public Bulk1Endpoints(OrgHost host) {
        this.host = host;
    }

    public void register(Router router) {
        JobEndpoints jobs = new JobEndpoints();
        BatchEndpoints batches = new BatchEndpoints();
        router.on("POST", V + "/job/?", guarded(jobs::create));
        router.on("GET", V + "/job/([^/]+)/?", guarded(jobs::get));
        router.on("POST", V + "/job/([^/]+)/?", guarded(jobs::update));
        router.on("POST", V + "/job/([^/]+)/batch/?", guarded(batches::add));
        router.on("GET", V + "/job/([^/]+)/batch/?", guarded(batches::list));
        router.on("GET", V + "/job/([^/]+)/batch/([^/]+)/?", guarded(batches::get));
        router.on("GET", V + "/job/([^/]+)/batch/([^/]+)/request/?", guarded(batches::request));
        router.on("GET", V + "/job/([^/]+)/batch/([^/]+)/result/?", guarded(batches::results));
        router.on("GET", V + "/job/([^/]+)/batch/([^/]+)/result/([^/]+)/?", guarded(batches::queryResult));
        router.on("GET", V + "(?:/(.*))?", guarded(Bulk1Endpoints::unknownResource));
        router.on("POST", V + "(?:/(.*))?", guarded(Bulk1Endpoints::unknownResource));
        router.on("POST", "/__admin/bulk1/pause", (ex, m) -> { host.bulk1Jobs().pause(); ex.noContent(); });
        router.on("POST", "/__admin/bulk1/resume", (ex, m) -> { host.bulk1Jobs().resume(); ex.noContent(); });
    }

    private Router.Handler guarded(CallHandler handler) {
        return (ex, path) -> {
            WireFormat requested = WireFormat.ofRequest(ex.header("Content-Type"));
            Bulk1Call call = null;
            try {
                call = new Bulk1Call(ex, Bulk1Auth.authenticate(host, ex, path.group(1)), host.bulk1Jobs(), requested);
                handler.handle(call, path);
            } catch (AsyncApiException e) {
                fail(ex, call == null ? requested : call.format(), e);
            } catch (RuntimeException e) {
                LOG.error("Bulk API call failed: {} {}", ex.method(), ex.path(), e);
                fail(ex, call == null ? requested : call.format(), new AsyncApiException(ExceptionCode.Unknown, String.valueOf(e), 500));
            }
        };
    }

    private static void fail(Exchange ex, WireFormat format, AsyncApiException e) {
        if (!ex.committed()) {
            Responses.error(ex, format, e);
        }
    }

    /** A path under /services/async that names no resource: a misspelt "job" is InvalidOperation, the rest InvalidUrl. */
    private static void unknownResource(Bulk1Call call, Matcher path) {
        String rest = path.group(2) == null ? "" : path.group(2);
        if (!rest.equals("job") && !rest.startsWith("job/")) {
            throw new AsyncApiException(ExceptionCode.InvalidOperation, "Unknown operation '" + rest.split("/", 2)[0]
                    + "' in the URL; Bulk API resources are under /services/async/" + call.caller().version() + "/job");
        }
        throw new AsyncApiException(ExceptionCode.InvalidUrl, "No Bulk API resource at " + call.exchange().method() + " "
                + call.exchange().path() + "; see …/job/{jobId}/batch/{batchId}/result");
    }
}
