package dev.sfsync.source.drivers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Downloads a JDBC driver jar from a Maven repository (Maven Central unless {@code SFSYNC_MAVEN_REPOSITORY} names a
 * mirror) into a drivers directory: streamed to a temporary file while its SHA-1 is computed, compared with the
 * checksum the repository publishes beside it, opened to find the driver class, and only then given its name. A
 * failure at any step leaves the directory as it was.
 */
public final class DriverInstaller {
    public static final URI MAVEN_CENTRAL = URI.create("https://repo1.maven.org/maven2/");
    public static final String REPOSITORY_ENVIRONMENT = "SFSYNC_MAVEN_REPOSITORY";

    private final URI repository;
    private final HttpClient http;

    public DriverInstaller(URI repository) {
        String base = repository.toString();
        this.repository = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(20)).build();
    }

    /** Maven Central, or the repository {@code SFSYNC_MAVEN_REPOSITORY} names. */
    public static DriverInstaller fromEnvironment() {
        String mirror = System.getenv(REPOSITORY_ENVIRONMENT);
        return new DriverInstaller(mirror == null || mirror.isBlank() ? MAVEN_CENTRAL : URI.create(mirror.strip()));
    }

    /** What was installed. */
    public record Installed(Path jar, long bytes, String sha1, String driverClass) {
    }

    public Installed install(DriverArtifact artifact, Path directory) {
        URI jarUri = repository.resolve(artifact.path());
        String expected = expectedSha1(artifact, URI.create(jarUri + ".sha1"));
        Path partial = null;
        try {
            Files.createDirectories(directory);
            partial = Files.createTempFile(directory, artifact.fileName(), ".part");
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            long bytes;
            HttpResponse<InputStream> response = send(jarUri, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body(); OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha1)) {
                if (response.statusCode() != 200) {
                    throw notFound(artifact, jarUri, response.statusCode());
                }
                bytes = in.transferTo(out);
            }
            String actual = HexFormat.of().formatHex(sha1.digest());
            if (!actual.equals(expected)) {
                throw new UnableToAddDriver("the download of " + artifact + " has SHA-1 " + actual + ", but " + repository + " publishes " + expected
                        + "; it was not installed", "try again (the download may have been corrupted); if it keeps failing, check the repository"
                        + " or proxy between you and it", null);
            }
            checkDriverClass(artifact, partial);
            Path jar = directory.resolve(artifact.fileName());
            Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            return new Installed(jar, bytes, actual, artifact.driverClass());
        } catch (IOException e) {
            throw unreachable(artifact, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // A stray .part file holds nothing; the next install replaces the jar anyway.
                }
            }
        }
    }

    private String expectedSha1(DriverArtifact artifact, URI checksum) {
        try {
            HttpResponse<String> response = send(checksum, HttpResponse.BodyHandlers.ofString(StandardCharsets.US_ASCII));
            if (response.statusCode() != 200) {
                throw notFound(artifact, checksum, response.statusCode());
            }
            // The file holds the hex digest, sometimes followed by the file name.
            String digest = response.body().strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (!digest.matches("[0-9a-f]{40}")) {
                throw new UnableToAddDriver(checksum + " is not a SHA-1 checksum", "check the repository (" + repository + ")", null);
            }
            return digest;
        } catch (IOException e) {
            throw unreachable(artifact, e);
        }
    }

    private <T> HttpResponse<T> send(URI uri, HttpResponse.BodyHandler<T> handler) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(10)).GET().build(), handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static void checkDriverClass(DriverArtifact artifact, Path jar) {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, DriverInstaller.class.getClassLoader())) {
            Class<?> driver = Class.forName(artifact.driverClass(), false, loader);
            if (!java.sql.Driver.class.isAssignableFrom(driver)) {
                throw new UnableToAddDriver(artifact.driverClass() + " in " + artifact + " is not a JDBC driver", "report this to sfsync", null);
            }
        } catch (ClassNotFoundException | IOException | LinkageError e) {
            throw new UnableToAddDriver(artifact + " does not hold the driver class " + artifact.driverClass() + " (" + e + "); it was not installed",
                    "try another version with --version", e);
        }
    }

    private UnableToAddDriver notFound(DriverArtifact artifact, URI uri, int status) {
        return new UnableToAddDriver(repository + " answered " + status + " for " + uri.getPath(),
                status == 404 ? "check the version: " + artifact.artifact() + "'s versions are listed at "
                        + repository.resolve(artifact.group().replace('.', '/') + "/" + artifact.artifact() + "/")
                        : "try again later, or set " + REPOSITORY_ENVIRONMENT + " to a Maven mirror you can reach", null);
    }

    private UnableToAddDriver unreachable(DriverArtifact artifact, IOException e) {
        return new UnableToAddDriver("can't download " + artifact + " from " + repository + ": " + e.getMessage(),
                "check the network (or proxy), or set " + REPOSITORY_ENVIRONMENT + " to a Maven mirror you can reach", e);
    }
}
