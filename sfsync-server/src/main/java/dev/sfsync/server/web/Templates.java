package dev.sfsync.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;

import java.util.Map;

/** The pages' JTE templates (src/main/jte), compiled to classes at build time, so the server needs no compiler. */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        return out.toString();
    }

    void page(Context ctx, int status, String template, Map<String, Object> params) {
        ctx.status(status).contentType("text/html; charset=utf-8").header("Cache-Control", "no-store").result(render(template, params));
    }

    void page(Context ctx, String template, Map<String, Object> params) {
        page(ctx, 200, template, params);
    }
}
