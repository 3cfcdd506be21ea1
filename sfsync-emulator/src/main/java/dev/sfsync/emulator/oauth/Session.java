package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.UserAccount;

import java.time.Instant;
import java.util.Objects;

/** An access token's grant: who it acts for, through which app, until when. */
public record Session(String accessToken, UserAccount user, ConnectedApp app, String scope, Instant issuedAt,
                      Instant expiresAt, String refreshToken) {
    public Session {
        Objects.requireNonNull(accessToken, "accessToken is null");
        Objects.requireNonNull(user, "user is null");
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
