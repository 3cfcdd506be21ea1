package dev.sfsync.cli;

import dev.sfsync.emulator.tls.TlsSettings;

import java.io.PrintWriter;

/** How to make clients trust the emulator's own certificate, printed by {@code sfsync emulator --tls}. */
final class TrustInstructions {
    private TrustInstructions() {
    }

    static void print(PrintWriter out, TlsSettings settings, String url) {
        out.println();
        if (settings.trustFiles().isEmpty()) {
            out.println("  TLS: serving your certificate; clients trust it as they trust its issuer.");
            return;
        }
        TlsSettings.TrustFiles files = settings.trustFiles().get();
        out.println("  TLS: the emulator's own certificate authority signed its certificate. Trust it once per client:");
        out.printf("    PEM (any client)          %s%n", files.pem());
        out.printf("    Java (PKCS12 truststore)  -Djavax.net.ssl.trustStore=%s -Djavax.net.ssl.trustStorePassword=%s%n",
                files.truststore(), TlsSettings.STORE_PASSWORD);
        out.printf("    Node (jsforce, sf CLI)    export NODE_EXTRA_CA_CERTS=%s%n", files.pem());
        out.printf("    Python (requests)         export REQUESTS_CA_BUNDLE=%s   (others: SSL_CERT_FILE=...)%n", files.pem());
        out.printf("    curl                      curl --cacert %s %s/services/data/%n", files.pem(), url);
        out.println("    The files stay in place across restarts, so a client trusts them once.");
    }
}
