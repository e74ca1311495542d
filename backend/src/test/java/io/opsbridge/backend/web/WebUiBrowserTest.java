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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI at {@code /} in a real headless Chromium against the running backend: trainings are
 * started from the page's form, followed live, and cancelled with the page's button.
 */
@QuarkusTest
class WebUiBrowserTest {

    /** Where the README's screenshot comes from; {@code -Dopsbridge.update-screenshot=true} copies it to docs/. */
    static final Path SCREENSHOT = Path.of("target/screenshots/web-ui.png");

    @TestHTTPResource("/")
    URL page;

    @TempDir
    Path profile;

    ChromeDriver browser;

    @BeforeEach
    void openPage() {
        browser = HeadlessChromium.start(profile);
        browser.get(page.toString());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void trainingStartedFromThePageIsFollowedLiveToCompletionAndAnotherIsCancelled() throws Exception {
        // a long run to cancel later, started from the form like any other
        String longRun = startTraining("AAPL", 300, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> detailProgress() > 0);

        String shortRun = startTraining("AAPL,MSFT", 5, 1);
        assertThat(shortRun).isNotEqualTo(longRun);
        List<Double> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            seen.add(detailProgress());
            return text("detail-status").contains("completed");
        });
        assertThat(seen).as("progress values the page showed").isSortedAccordingTo(Double::compare);
        assertThat(seen).as("the bar moved through intermediate values").anyMatch(p -> p > 0 && p < 100);
        await().atMost(Duration.ofSeconds(5)).until(() -> detailProgress() == 100.0);
        assertThat(text("detail-percent")).isEqualTo("100%");
        assertThat(text("detail-step")).isEqualTo("Epoch 5/5");
        assertThat(browser.findElement(By.id("chart-figure")).getAttribute("data-points")).isEqualTo("5");
        assertThat((Long) browser.executeScript(
                "return Chart.getChart(document.getElementById('metrics-chart')).data.labels.length")).isEqualTo(5L);
        assertThat(browser.findElements(By.cssSelector("#metrics-table tbody tr"))).hasSize(5);
        assertThat(browser.findElement(By.id("cancel-button")).isEnabled()).isFalse();
        await().atMost(Duration.ofSeconds(15)).until(() -> listRowStatus(shortRun).contains("completed"));
        saveScreenshot();

        // choose the long run in the live list and cancel it with the page's button
        browser.findElement(By.cssSelector("#operations tr[data-id='" + longRun + "'] a")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> text("detail-id").equals(longRun)
                && text("detail-status").contains("running"));
        WebElement cancel = browser.findElement(By.id("cancel-button"));
        assertThat(cancel.getText()).isEqualTo("Cancel operation");
        cancel.click();
        browser.switchTo().alert().dismiss();
        assertThat(text("detail-status")).contains("running");
        cancel.click();
        assertThat(browser.switchTo().alert().getText()).startsWith("Cancel " + longRun + "?");
        browser.switchTo().alert().accept();
        await().atMost(Duration.ofSeconds(10)).until(() -> text("detail-status").contains("cancelled"));
        assertThat(text("detail-message")).isEqualTo("Cancelled by request");
        await().atMost(Duration.ofSeconds(15)).until(() -> listRowStatus(longRun).contains("cancelled"));
        given().get("/api/v1/operations/{id}", longRun).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("cancelled"));
    }

    @Test
    void startFormsShowTheServersAnswerAsOneClearLine() {
        fill("t-symbols", "ZZZZ");
        browser.findElement(By.id("start-training")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> text("training-result").startsWith("400"));
        assertThat(text("training-result")).startsWith(
                "400 Invalid request: symbols: dataset ZZZZ 1h was never loaded");

        browser.findElement(By.id("start-data-load")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> !text("data-result").startsWith("Starting"));
        assertThat(text("data-result")).matches("Started op_data_loading_\\S+|\\d{3} .+")
                .doesNotContain("undefined").doesNotContain("[object");
    }

    private String startTraining(String symbols, int epochs, int batchSize) {
        fill("t-symbols", symbols);
        fill("t-epochs", String.valueOf(epochs));
        fill("t-batch-size", String.valueOf(batchSize));
        new Select(browser.findElement(By.id("t-mode"))).selectByValue("local");
        String before = text("detail-id");
        browser.findElement(By.id("start-training")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> text("training-result").startsWith("Started ")
                && !text("detail-id").equals(before));
        String id = text("detail-id");
        assertThat(text("training-result")).isEqualTo("Started " + id);
        return id;
    }

    private void fill(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private double detailProgress() {
        return Double.parseDouble(browser.findElement(By.id("detail-progress")).getAttribute("value"));
    }

    private String listRowStatus(String id) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#operations tr[data-id='" + id + "']"));
        return rows.isEmpty() ? "" : rows.get(0).findElement(By.cssSelector(".status")).getText();
    }

    private void saveScreenshot() throws Exception {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("opsbridge.update-screenshot")) {
            Path docs = Path.of("../docs/web-ui.png");
            Files.createDirectories(docs.getParent());
            Files.copy(SCREENSHOT, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
