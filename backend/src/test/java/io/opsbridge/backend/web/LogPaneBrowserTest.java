package io.opsbridge.backend.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The operation page's log pane (logs.js) in a real headless Chromium: it shows a running training's
 * log lines as they come, each once, and the last ones once the training has ended.
 */
@QuarkusTest
class LogPaneBrowserTest {

    /** The docs' picture of the pane; {@code -Dopsbridge.update-screenshot=true} copies it to docs/. */
    static final Path SCREENSHOT = Path.of("target/screenshots/log-pane.png");
    private static final int EPOCHS = 30;
    private static final String SYMBOL = "LOGPANE";

    @TestHTTPResource("/")
    URL page;

    @TempDir
    Path profile;

    ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessChromium.start(profile);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theLogPaneShowsARunningTrainingsLinesAsTheyComeAndEachOnce() throws Exception {
        // a dataset of its own: what other tests loaded for AAPL (a few bars) would make a training too short to watch
        String load = given().contentType("application/json").body("{\"symbols\":[\"" + SYMBOL + "\"],\"timeframe\":\"1h\","
                + "\"start_date\":\"2024-01-01\",\"end_date\":\"2024-04-30\",\"source\":\"sample\"}")
                .post("/api/v1/data/loads").then().statusCode(202).extract().path("operation_id");
        await().atMost(Duration.ofSeconds(60)).until(() -> "completed".equals(
                given().get("/api/v1/operations/{id}", load).then().extract().path("status")));
        String id = given().contentType("application/json").body("{\"symbols\":[\"" + SYMBOL + "\"],\"timeframe\":\"1h\","
                + "\"epochs\":" + EPOCHS + ",\"batch_size\":16,\"seed\":7}").post("/api/v1/trainings").then()
                .statusCode(202).extract().path("operation_id");
        browser.get(page + "#/operations/" + id);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> paneLines().stream().anyMatch(line -> line.contains("Epoch 1/" + EPOCHS)));
        assertThat(given().get("/api/v1/operations/{id}", id).then().extract().<String>path("status"))
                .as("the first epoch's line is shown while the training runs").isEqualTo("running");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> paneLines().stream().anyMatch(line -> line.endsWith("completed")));

        List<String> lines = paneLines();
        assertThat(lines.stream().filter(line -> line.contains(": train loss ")).map(line -> line.replaceAll(".*(Epoch \\d+/\\d+):.*", "$1")))
                .as("a line per epoch, each once, in order")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, EPOCHS).mapToObj(e -> "Epoch " + e + "/" + EPOCHS).toList());
        assertThat(lines.get(0)).contains("info").contains("started on");
        assertThat(browser.findElements(By.cssSelector("#log-lines .log-line")).stream()
                .map(row -> Integer.parseInt(row.getAttribute("data-seq"))).toList())
                .isEqualTo(IntStream.range(0, lines.size()).boxed().toList());
        assertThat(browser.findElement(By.id("log-empty")).isDisplayed()).isFalse();
        saveScreenshot();
    }

    private List<String> paneLines() {
        return browser.findElements(By.cssSelector("#log-lines .log-line")).stream().map(WebElement::getText).toList();
    }

    private void saveScreenshot() throws Exception {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.findElement(By.id("detail-log")).getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("opsbridge.update-screenshot")) {
            Files.copy(SCREENSHOT, Path.of("..", "docs", "log-pane.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
