package io.opsbridge.backend.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.TestTokens;
import io.opsbridge.backend.models.RegisteredModels;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.workloads.training.SampleDataGenerator;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * What a new user sees in the web UI, in a real headless Chromium: no empty card before a choice,
 * one operation's data at a time, an unknown id said as such, a phone-sized screen, a data load from
 * the form's defaults, a partial load's reason, and a model activated from the models view.
 */
@QuarkusTest
class WebUiViewsBrowserTest {

    private static final Path SOURCES = Path.of("target/test-data/sources");
    private static final Duration SHORT = Duration.ofSeconds(15);

    @TestHTTPResource("/")
    URL page;

    @Inject
    ModelRegistry registry;

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
    void noOperationCardIsShownBeforeOneIsChosenAndTheIconIsServed() {
        await().atMost(SHORT).until(() -> !text("list-counts").isEmpty());
        assertThat(browser.findElement(By.id("detail")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("cancel-button")).isDisplayed()).isFalse();
        given().get("/favicon.ico").then().statusCode(200);
        given().get("/favicon.svg").then().statusCode(200);
    }

    @Test
    void switchingOperationsShowsOnlyTheChosenOnesDataAndAnUnknownIdIsNotFound() {
        String first = completedSampleLoad("SWA" + run());
        String second = completedSampleLoad("SWB" + run());

        show(first);
        await().atMost(SHORT).until(() -> text("detail-status").contains("completed"));
        assertThat(text("detail-symbols")).startsWith("SWA");
        show(second);
        await().atMost(SHORT).until(() -> text("detail-symbols").startsWith("SWB"));
        assertThat(text("detail-id")).isEqualTo(second);

        show("op_nope");
        await().atMost(SHORT).until(() -> text("detail-status").contains("not found"));
        assertThat(text("detail-id")).isEqualTo("op_nope");
        assertThat(text("detail-error")).startsWith("404");
        assertThat(text("detail-percent")).isEqualTo("0%");
        assertThat(text("detail-symbols")).isEqualTo("-");
        assertThat(browser.findElement(By.id("detail-result")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("cancel-button")).isDisplayed()).isFalse();
    }

    @Test
    void onAPhoneTheListKeepsIdAndStatusOnScreenAndNothingOverflows() {
        String id = completedSampleLoad("PH" + run());
        // a models table wider than the phone, as a suite or a long-lived server has one
        RegisteredModels.trained(registry.store(), RegisteredModels.strategy("phone_strategy_with_a_long_name"), 3);
        browser.navigate().refresh();
        browser.manage().window().setSize(new Dimension(390, 844));
        await().atMost(SHORT).until(() -> text("models-table").contains("phone_strategy_with_a_long_name"));
        await().atMost(SHORT).until(() -> !browser.findElements(rowStatus(id)).isEmpty());
        long width = (Long) browser.executeScript("return window.innerWidth");
        assertThat(width).isLessThanOrEqualTo(400);
        assertThat(right(browser.findElement(rowStatus(id)))).isLessThanOrEqualTo(width);
        assertThat(right(browser.findElement(By.cssSelector("#operations tr[data-id='" + id + "'] a"))))
                .isLessThanOrEqualTo(width);

        show(id);
        await().atMost(SHORT).until(() -> text("detail-status").contains("completed"));
        assertThat(right(browser.findElement(By.id("detail-heading")))).isLessThanOrEqualTo(width);
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .as("the page scrolls sideways; wider than the screen: %s", overflowing()).isLessThanOrEqualTo(width);
    }

    @Test
    void aDataLoadFromTheFormsDefaultsCompletesOnAFreshInstall() {
        await().atMost(SHORT).until(() -> new Select(browser.findElement(By.id("d-source")))
                .getOptions().size() >= 2);
        assertThat(new Select(browser.findElement(By.id("d-source"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("sample");
        fill("d-symbols", "FR" + run());
        browser.findElement(By.id("start-data-load")).click();
        await().atMost(SHORT).until(() -> text("data-result").startsWith("Started op_data_loading_"));
        await().atMost(SHORT).until(() -> text("detail-status").equals("✓ completed"));
        assertThat(browser.findElement(By.id("detail-warnings")).isDisplayed()).isFalse();
    }

    @Test
    void aPartialLoadShowsWhyASymbolFailedProminently() throws IOException {
        String good = "PG" + run();
        String bad = "PB" + run();
        new SampleDataGenerator(5).generate(SOURCES, List.of(good, bad), "1h", 50);
        Path badFile = SOURCES.resolve(bad + "_1h.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(badFile));
        lines.set(3, "2024-01-01T03:00:00Z,1");
        Files.write(badFile, lines);
        browser.navigate().refresh();

        // the page lists the csv source's files anew (its hint names only the first 8: other tests' files too)
        long files;
        try (var listed = Files.list(SOURCES)) {
            files = listed.filter(file -> file.getFileName().toString().endsWith(".csv")).count();
        }
        await().atMost(SHORT).until(() -> new Select(browser.findElement(By.id("d-source"))).getOptions().stream()
                .anyMatch(option -> option.getText().equals("csv (" + files + " files)")));
        fill("d-symbols", good + "," + bad);
        new Select(browser.findElement(By.id("d-source"))).selectByValue("csv");
        browser.findElement(By.id("start-data-load")).click();
        await().atMost(SHORT).until(() -> text("detail-status").contains("completed"));
        assertThat(text("detail-status")).isEqualTo("⚠ completed with warnings");
        assertThat(browser.findElement(By.id("detail-warnings")).isDisplayed()).isTrue();
        assertThat(text("detail-warnings-list")).startsWith(bad + " not loaded: " + bad + "_1h.csv line ")
                .contains("columns");
    }

    @Test
    void aModelIsActivatedFromTheModelsViewAfterAConfirmationAndTheTokenPrompt() {
        String strategy = RegisteredModels.strategy("webui");
        String version = RegisteredModels.trained(registry.store(), strategy, 7);
        browser.navigate().refresh();
        By row = By.cssSelector("#models-table tr[data-model='" + strategy + "/" + version + "']");
        await().atMost(SHORT).until(() -> !browser.findElements(row).isEmpty());
        assertThat(browser.findElement(row).getText()).contains("inactive");

        browser.findElement(row).findElement(By.tagName("button")).click();
        browser.switchTo().alert().dismiss();
        assertThat(browser.findElement(row).getText()).contains("inactive");

        browser.findElement(row).findElement(By.tagName("button")).click();
        browser.switchTo().alert().accept();
        // activation needs an admin: the page asks for a token, then sends the activation again with it
        await().atMost(SHORT).until(() -> browser.findElement(By.id("token-dialog")).isDisplayed());
        assertThat(text("token-reason")).startsWith("401");
        browser.findElement(By.id("token-input")).sendKeys(TestTokens.ADMIN);
        browser.findElement(By.id("token-submit")).click();
        await().atMost(Duration.ofSeconds(60)).until(() -> text("models-result").startsWith("Activated"));
        assertThat(browser.findElement(By.id("token-dialog")).isDisplayed()).isFalse();
        assertThat(browser.executeScript("return sessionStorage.getItem('opsbridge.token')")).isEqualTo(TestTokens.ADMIN);
        assertThat(browser.executeScript("return localStorage.length")).isEqualTo(0L);
        await().atMost(SHORT).until(() -> browser.findElement(row).getText().contains("active")
                && !browser.findElement(row).getText().contains("inactive"));
        given().get("/api/v1/models/{s}/{v}", strategy, version).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("active"));
    }

    private String completedSampleLoad(String symbol) {
        String id = given().contentType("application/json")
                .body("{\"symbols\":[\"" + symbol + "\"],\"timeframe\":\"1d\"}")
                .post("/api/v1/data/loads").then().statusCode(202).extract().path("operation_id");
        await().atMost(SHORT).until(() -> "completed".equals(
                given().get("/api/v1/operations/{id}", id).then().extract().path("status")));
        return id;
    }

    private void show(String id) {
        browser.executeScript("location.hash = arguments[0]", "#/operations/" + id);
    }

    private static By rowStatus(String id) {
        return By.cssSelector("#operations tr[data-id='" + id + "'] .status");
    }

    private long right(WebElement element) {
        return ((Number) browser.executeScript("return Math.ceil(arguments[0].getBoundingClientRect().right)",
                element)).longValue();
    }

    /**
     * For a failure message: the innermost elements and text runs that reach past the screen's right
     * edge outside any scrolling box, and the page's width with each card hidden in turn.
     */
    private Object overflowing() {
        return browser.executeScript("""
                const w = window.innerWidth;
                const clipped = (e) => { for (let a = e.parentElement; a; a = a.parentElement) {
                    if (getComputedStyle(a).overflowX !== 'visible') return a.getBoundingClientRect().right <= w + 0.5;
                  } return false; };
                const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '');
                const found = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const el = n.nodeType === 3 ? n.parentElement : n;
                  if (!el.getClientRects().length || clipped(n.nodeType === 3 ? n : el)) continue;
                  let rect;
                  if (n.nodeType === 3) { const r = document.createRange(); r.selectNodeContents(n); rect = r.getBoundingClientRect(); }
                  else rect = n.getBoundingClientRect();
                  if (rect.right > w + 0.5) found.push((n.nodeType === 3 ? 'text in ' : '') + name(el)
                      + ' right=' + Math.ceil(rect.right) + ' "' + (n.textContent || '').trim().slice(0, 50) + '"');
                }
                const widths = [...document.querySelectorAll('header, .card')].map((c) => {
                  const before = c.style.display; c.style.display = 'none';
                  const width = document.documentElement.scrollWidth; c.style.display = before;
                  return name(c) + ' hidden: ' + width;
                });
                return found.slice(-12).join('; ') + ' | ' + widths.join(', ');
                """);
    }

    private static String run() {
        return String.format(Locale.ROOT, "%05X", ThreadLocalRandom.current().nextInt(0xFFFFF));
    }

    private void fill(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }
}
