package dev.sfsync.server.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The browser of the UI tests: the system's Chromium (Debian's {@code chromium} package), driven by Playwright, which
 * is told never to download a browser of its own (only package registries are reachable). {@code ./run-tests}
 * installs Chromium when it can and sets {@value #REQUIRED}, so a missing browser fails there; elsewhere (a plain
 * {@code mvn verify} on a machine without it) the browser tests are skipped with the command that installs it.
 */
final class SystemChromium implements AutoCloseable {
    static final String REQUIRED = "SFSYNC_REQUIRE_BROWSER";
    static final String INSTALL = "apt-get install chromium (as root, Debian/Ubuntu), or set SFSYNC_CHROMIUM to a Chromium or Chrome executable";
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    /** Without the background-networking flags, Chromium waits on services it cannot reach on a closed network. */
    private static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");

    private final Playwright playwright;
    final Browser browser;

    private SystemChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static SystemChromium launch() {
        Optional<Path> executable = find();
        if (executable.isEmpty()) {
            String message = "no Chromium found (looked at $SFSYNC_CHROMIUM and " + String.join(", ", CANDIDATES) + "): " + INSTALL;
            if (System.getenv(REQUIRED) != null) {
                Assertions.fail(message);
            }
            Assumptions.abort(message + " (skipped: " + REQUIRED + " is not set)");
        }
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(executable.get()).setHeadless(true)
                    .setArgs(ARGS).setTimeout(60_000));
            return new SystemChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    static Optional<Path> find() {
        String given = System.getenv("SFSYNC_CHROMIUM");
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
