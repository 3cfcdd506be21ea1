package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.oauth.Session;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.UserAccount;

/** An authenticated API call: the org, the caller's session, and the API version from the URL (e.g. "58.0"). */
public record ApiContext(OrgHost host, Session session, String version) {
    public Org org() {
        return host.org();
    }

    public UserAccount user() {
        return session.user();
    }

    public Profile profile() {
        return session.user().profile();
    }

    public String dataPath() {
        return "/services/data/v" + version;
    }

    public String recordUrl(String object, String id) {
        return dataPath() + "/sobjects/" + object + "/" + id;
    }
}
