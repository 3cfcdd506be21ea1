package dev.sfsync.engine.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Where alerts go ({@code alerts.destinations} in sfsync.yaml). Secrets are references, resolved when sending. */
public sealed interface AlertDestination {
    String name();

    /** A Slack incoming webhook; its URL is a secret (whoever has it can post to the channel). */
    record Slack(String name, SecretRef webhookUrl) implements AlertDestination {
        public Slack {
            Objects.requireNonNull(webhookUrl, "webhookUrl is null");
        }
    }

    /** A JSON POST to any URL, signed with HMAC-SHA256 of the body in the {@code X-Sfsync-Signature} header when a secret is set. */
    record Webhook(String name, String url, Optional<SecretRef> signingSecret) implements AlertDestination {
        public Webhook {
            Objects.requireNonNull(url, "url is null");
        }
    }

    /** Email over SMTP. */
    record Email(String name, String smtpHost, int smtpPort, boolean startTls, String from, List<String> to, Optional<SecretRef> username,
                 Optional<SecretRef> password) implements AlertDestination {
        public Email {
            to = List.copyOf(to);
        }
    }

    /** PagerDuty Events API v2: trigger and resolve, deduplicated by the incident's key. */
    record PagerDuty(String name, SecretRef routingKey, String eventsUrl) implements AlertDestination {
        public static final String EVENTS_URL = "https://events.pagerduty.com/v2/enqueue";
    }
}
