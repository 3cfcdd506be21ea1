package dev.sfsync.emulator.org;

import java.util.Objects;

/** A user who can log in: the password is checked by the password grant, the profile decides what the user may do. */
public record UserAccount(String id, String username, String password, String email, String firstName, String lastName,
                          Profile profile, boolean active) {
    public UserAccount {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(username, "username is null");
        Objects.requireNonNull(profile, "profile is null");
    }

    public String displayName() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }
}
