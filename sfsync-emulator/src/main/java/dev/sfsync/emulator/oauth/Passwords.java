package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.org.UserAccount;

/** The password check every username-password login shares (OAuth password grant, login form, SOAP login()). */
public final class Passwords {
    private Passwords() {
    }

    /**
     * Salesforce wants the security token appended to the password when the caller's IP isn't trusted. The emulator's
     * users have no token, so the bare password and the password followed by a token-shaped suffix (24 or 25
     * letters and digits) both pass.
     */
    public static boolean matches(UserAccount user, String given) {
        String password = user.password();
        if (password == null || given == null || !given.startsWith(password)) {
            return false;
        }
        String suffix = given.substring(password.length());
        return suffix.isEmpty() || suffix.matches("[A-Za-z0-9]{24,25}");
    }
}
