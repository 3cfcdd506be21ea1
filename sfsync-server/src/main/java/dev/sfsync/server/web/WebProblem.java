package dev.sfsync.server.web;

import dev.sfsync.core.SfsyncException;

/** A request a page cannot serve, shown to the user as the problem and its fix (never a stack trace). */
final class WebProblem extends SfsyncException {
    private final int status;

    WebProblem(int status, String problem, String fix) {
        super(problem, fix);
        this.status = status;
    }

    int status() {
        return status;
    }

    static WebProblem notFound(String problem, String fix) {
        return new WebProblem(404, problem, fix);
    }

    static WebProblem badRequest(String problem, String fix) {
        return new WebProblem(400, problem, fix);
    }
}
