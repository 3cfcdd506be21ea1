package dev.sfsync.emulator.compat;

import dev.sfsync.emulator.tls.TlsSettings;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * {@link ForceWscCompatibilityIT}'s SOAP and Bulk 1.0 calls over https: the emulator serves its own certificate and
 * force-wsc trusts it through {@code ConnectorConfig.setSslContext}, as an integration trusting a private CA does.
 */
class ForceWscOverTlsCompatibilityIT extends ForceWscCompatibilityIT {
    @TempDir
    static Path certificates;

    @Override
    TlsSettings tls() {
        return TlsSettings.selfSigned(certificates);
    }
}
