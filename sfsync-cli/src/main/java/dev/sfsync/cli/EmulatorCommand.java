package dev.sfsync.cli;

import dev.sfsync.emulator.ApiVersions;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.InvalidOrgDefinition;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.TlsOption;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.tls.TlsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Serves a local Salesforce until interrupted. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = {"Start the local Salesforce emulator and print how to reach it.",
                "Each org gets its own port, which is both its login host and its instance URL. Without --org it serves "
                        + "a production org and its sandbox (as login.salesforce.com and test.salesforce.com would)."},
        footer = {"", "Examples:", "  sfsync emulator", "  sfsync emulator --port 9000 --org orgs/acme.yaml",
                "  sfsync emulator --org prod.yaml --org sandbox.yaml   (two orgs on 8642 and 8643)",
                "  sfsync emulator --tls                                (HTTPS; prints how to trust its certificate)",
                "  sfsync emulator --tls --tls-cert cert.pem --tls-key key.pem"})
final class EmulatorCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--port", defaultValue = "8642", description = "Port of the first org; further orgs take the next ports; 0 picks free ports (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--org", paramLabel = "FILE", description = "Org definition file (YAML). Repeat for several orgs.")
    List<Path> orgFiles = new ArrayList<>();

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--tls", description = "Serve HTTPS. Without --tls-cert or --tls-keystore the emulator makes its own certificate "
            + "authority and server certificate once, saves them in --tls-dir, and prints how to trust them.")
    boolean tls;

    @Option(names = "--tls-dir", paramLabel = "DIR", description = "Where --tls keeps the certificate it makes (default: ~/.sfsync/emulator-tls).")
    Path tlsDir;

    @Option(names = "--tls-cert", paramLabel = "PEM", description = "Your own server certificate (PEM, with its chain); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "PEM", description = "The unencrypted PEM private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--tls-keystore", paramLabel = "P12", description = "Your own server certificate and key as a PKCS12 key store.")
    Path tlsKeyStore;

    @Option(names = "--tls-keystore-password", paramLabel = "PASSWORD", description = "The password of --tls-keystore.")
    String tlsKeyStorePassword;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Emulator emulator;
        try {
            emulator = build(port, bind, orgFiles, tlsSettings()).start();
        } catch (InvalidOrgDefinition | IllegalArgumentException | IllegalStateException e) {
            err.println("sfsync emulator: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        // Ctrl-C runs the hook; an embedding caller (a test) stops the command by interrupting its thread instead.
        Thread hook = new Thread(emulator::close);
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("sfsync emulator is running. Press Ctrl-C to stop.");
        for (OrgHost host : emulator.hosts()) {
            describe(out, host);
        }
        emulator.hosts().stream().map(emulator::tls).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(settings -> TrustInstructions.print(out, settings, emulator.host().listeningUrl()));
        out.flush();
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Runtime.getRuntime().removeShutdownHook(hook);
            emulator.close();
        }
        return ExitCodes.OK;
    }

    static Emulator build(int port, String bind, List<Path> orgFiles) {
        return build(port, bind, orgFiles, null);
    }

    /** The TLS the options ask for; null without --tls (an org file's own tls: section may still ask for it). */
    private TlsSettings tlsSettings() {
        boolean own = tlsCert != null || tlsKey != null || tlsKeyStore != null;
        if (!tls && !own && tlsDir == null) {
            return null;
        }
        if (!tls) {
            throw new IllegalArgumentException("--tls-dir, --tls-cert, --tls-key and --tls-keystore go with --tls (fix: add --tls)");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together (fix: pass both PEM files)");
        }
        if (tlsKeyStore != null && tlsCert != null) {
            throw new IllegalArgumentException("--tls-keystore and --tls-cert are two ways to give one certificate (fix: keep one)");
        }
        if (tlsKeyStore != null) {
            return TlsSettings.keyStore(tlsKeyStore, tlsKeyStorePassword);
        }
        if (tlsCert != null) {
            return TlsSettings.pem(tlsCert, tlsKey);
        }
        return TlsSettings.selfSigned(tlsDir == null ? TlsOption.defaultDirectory() : tlsDir, bind);
    }

    static Emulator build(int port, String bind, List<Path> orgFiles, TlsSettings tlsSettings) {
        Emulator.Builder builder = Emulator.builder().port(port).bindAddress(bind).tls(tlsSettings);
        if (orgFiles.isEmpty()) {
            builder.org(OrgDefinitionLoader.defaultOrg()).org(OrgDefinitionLoader.defaultSandboxOrg());
        }
        for (Path file : orgFiles) {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read org file " + file + " (check the path; see sfsync emulator --help)");
            }
            builder.org(file);
        }
        return builder.build();
    }

    static void describe(PrintWriter out, OrgHost host) {
        UserAccount user = host.org().defaultUser();
        var app = host.org().definition().connectedApps().getFirst();
        String token = host.sessions().issue(user, app, "api refresh_token", null).accessToken();
        String api = host.baseUrl() + "/services/data/v" + ApiVersions.newest();
        out.println();
        out.printf("  Org \"%s\" (%s, org id %s)%n", host.org().name(), host.org().environment().name().toLowerCase(), host.org().id());
        out.printf("    Login URL = instance URL  %s%n", host.baseUrl());
        out.printf("    REST API                  %s/%n", api);
        out.printf("    Username / password       %s / %s%n", user.username(), user.password());
        out.printf("    Connected app             client_id=%s  client_secret=%s%n", app.clientId(), app.clientSecret());
        out.printf("    Access token              %s%n", token);
        out.printf("    Admin (tests only)        %s/__admin%n", host.baseUrl());
        out.printf("    Try: curl -H 'Authorization: Bearer %s' %s/sobjects/Account/describe%n", token, api);
    }
}
