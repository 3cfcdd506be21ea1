package dev.sfsync.server;

import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.salesforce.rest.OrgLimit;
import dev.sfsync.server.alert.Alerts;
import dev.sfsync.server.auth.ApiTokens;
import dev.sfsync.server.auth.LoginThrottle;
import dev.sfsync.server.auth.Sessions;
import dev.sfsync.server.auth.Users;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.metrics.ServerMetrics;
import dev.sfsync.server.run.RunLauncher;
import dev.sfsync.server.run.SequenceRunner;
import dev.sfsync.server.run.SharedProject;
import dev.sfsync.server.schedule.QuotaBackoff;
import dev.sfsync.server.schedule.SyncScheduler;
import dev.sfsync.store.StateStore;

import java.util.Optional;
import java.util.concurrent.ExecutorService;

/** What the server's routes work with: the project, its stores, runs, schedules, users and alerts. */
public record ServerContext(ProjectConfig config, StateStore store, ServerDatabase db, SharedProject project, RunLauncher launcher,
                            SequenceRunner sequences, ExecutorService background, SyncScheduler scheduler, QuotaBackoff backoff,
                            Users users, ApiTokens tokens, Sessions sessions, LoginThrottle throttle, ServerMetrics metrics,
                            DailyLimits limits, Alerts alerts) {
    /** A connection's DailyApiRequests from Salesforce's /limits. */
    @FunctionalInterface
    public interface DailyLimits {
        Optional<OrgLimit> of(String connection);
    }
}
