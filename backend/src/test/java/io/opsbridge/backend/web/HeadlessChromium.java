package io.opsbridge.backend.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium from the Debian packages ({@code chromium}, {@code chromium-driver}),
 * driven by Selenium through {@code /usr/bin/chromedriver} on a free port, with a fresh profile.
 *
 * <p>Where the packages are missing the browser tests fail with the command that installs them;
 * {@code -Dopsbridge.browser-tests=skip} skips them instead, for a machine that cannot have a browser.
 */
final class HeadlessChromium {

    static final Path DRIVER = Path.of(System.getProperty("opsbridge.chromedriver", "/usr/bin/chromedriver"));
    static final Path BROWSER = Path.of(System.getProperty("opsbridge.chromium", "/usr/bin/chromium"));

    private HeadlessChromium() {
    }

    static ChromeDriver start(Path profileDir) {
        boolean installed = Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
        boolean skipWanted = "skip".equals(System.getProperty("opsbridge.browser-tests"));
        Assumptions.assumeFalse(!installed && skipWanted, "skipped on request: no " + DRIVER + " / " + BROWSER);
        if (!installed) {
            throw new IllegalStateException(DRIVER + " or " + BROWSER + " is missing: apt-get install -y chromium"
                    + " chromium-driver (or -Dopsbridge.browser-tests=skip to skip the browser tests)");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(BROWSER.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run",
                        "--disable-dev-shm-usage", "--window-size=1600,1200",
                        "--user-data-dir=" + profileDir.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(30))
                .build();
        return new ChromeDriver(service, options);
    }
}
