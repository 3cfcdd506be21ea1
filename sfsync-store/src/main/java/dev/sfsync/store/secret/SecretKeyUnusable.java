package dev.sfsync.store.secret;

import dev.sfsync.core.SfsyncException;

/** The secret key is missing, malformed, exposed, or not the key the store's secrets were encrypted with. */
public final class SecretKeyUnusable extends SfsyncException {
    public SecretKeyUnusable(String problem, String fix) {
        super(problem, fix);
    }
}
