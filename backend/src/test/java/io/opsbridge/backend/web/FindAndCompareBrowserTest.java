package io.opsbridge.backend.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.api.OperationAttempt;
import io.opsbridge.api.OperationAttempts;
import io.opsbridge.api.OperationInfo;
import io.opsbridge.api.OperationStatus;
import io.opsbridge.api.OperationType;
import io.opsbridge.backend.models.NewModelVersion;
import io.opsbridge.backend.models.RegisteredModels;
import io.opsbridge.backend.models.TestArtifacts;
import io.opsbridge.backend.models.registry.ModelRegistry;
import io.opsbridge.backend.operations.SeededHistory;
import io.opsbridge.core.OperationIds;
import io.opsbridge.core.store.OperationStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * Finding, opening and comparing runs in a real headless Chromium, over a history of 64 operations across two
 * days written into the store (the server stamps created_at, so yesterday cannot be made through the API): a URL
 * per operation, paging, filters and search served by the API, the run page with its parameters and model, the
 * compare view, and the models table on a phone. Its own application, so the history is all the list holds.
 */
@QuarkusTest
@TestProfile(FindAndCompareBrowserTest.OwnHistory.class)
class FindAndCompareBrowserTest {

    /** The README's screenshot of the compare view; {@code -Dopsbridge.update-screenshot=true} copies it to docs/. */
    static final Path SCREENSHOT = Path.of("target/screenshots/compare-runs.png");
    private static final Duration SHORT = Duration.ofSeconds(15);
    private static final String STRATEGY = "mlp_direction";

    /** A database of its own (the test H2 URL names a new uuid per application). */
    public static class OwnHistory implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.operations.queue-capacity", "100");
        }
    }

    /** Yesterday's AAPL training and today's, the two the story compares; written once per application. */
    static String yesterdays;
    static String todays;

    @TestHTTPResource("/")
    URL page;

    @Inject
    OperationStore store;

    @Inject
    ModelRegistry registry;

    @TempDir
    Path profile;

    ChromeDriver browser;

    @BeforeEach
    void seedAndOpen() {
        synchronized (FindAndCompareBrowserTest.class) {
            if (yesterdays == null) {
                seed(Instant.now().truncatedTo(ChronoUnit.SECONDS));
            }
        }
        browser = HeadlessChromium.start(profile);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void afterStartTheNewJobIsInViewItsUrlNamesItAndReloadAndBackWork() {
        open("#/operations/" + yesterdays);
        await().atMost(SHORT).until(() -> text("detail-status").contains("completed"));
        fill("t-symbols", "AAPL");
        fill("t-epochs", "2");
        fill("t-batch-size", "16");
        new Select(browser.findElement(By.id("t-mode"))).selectByValue("local");
        browser.findElement(By.id("start-training")).click();
        await().atMost(SHORT).until(() -> text("training-result").startsWith("Started "));
        String started = text("training-result").substring("Started ".length());

        await().atMost(SHORT).until(() -> text("detail-id").equals(started));
        assertThat(browser.getCurrentUrl()).endsWith("#/operations/" + started);
        await().atMost(SHORT).until(() -> {
            Map<?, ?> box = rect(browser.findElement(By.id("detail-heading")));
            return ((Number) box.get("top")).doubleValue() >= 0
                    && ((Number) box.get("bottom")).doubleValue() <= innerHeight();
        });

        browser.navigate().refresh();
        await().atMost(SHORT).until(() -> text("detail-id").equals(started) && !text("detail-status").contains("loading"));
        browser.navigate().back();
        await().atMost(SHORT).until(() -> text("detail-id").equals(yesterdays));
        assertThat(browser.getCurrentUrl()).endsWith("#/operations/" + yesterdays);
    }

    @Test
    void theSixtyFirstNewestIsOnTheSecondPageAndFiltersAndSearchNarrowTheListAsTheApiDoes() {
        String sixtyFirst = api(Map.of("offset", "60", "limit", "1")).getString("operations[0].operation_id");
        open("");
        await().atMost(SHORT).until(() -> rowIds().size() == 50);
        assertThat(rowIds()).doesNotContain(sixtyFirst);
        assertThat(text("page-info")).startsWith("1–50 of ");

        browser.findElement(By.id("page-older")).click();
        await().atMost(SHORT).until(() -> rowIds().contains(sixtyFirst));
        assertThat(text("page-info")).startsWith("51–");
        browser.findElement(By.id("page-newer")).click();
        await().atMost(SHORT).until(() -> !rowIds().contains(sixtyFirst));

        new Select(browser.findElement(By.id("f-status"))).selectByValue("failed");
        JsonPath failed = api(Map.of("status", "failed", "limit", "50"));
        await().atMost(SHORT).until(() -> rowIds().equals(failed.getList("operations.operation_id")));
        assertThat(rowStatuses()).isNotEmpty().allMatch(s -> s.contains("failed"));
        new Select(browser.findElement(By.id("f-status"))).selectByValue("");

        new Select(browser.findElement(By.id("f-field"))).selectByValue("symbol");
        fill("f-text", "aapl");
        JsonPath aapl = api(Map.of("symbol", "AAPL", "limit", "50"));
        await().atMost(SHORT).until(() -> rowIds().equals(aapl.getList("operations.operation_id")));
        assertThat(rowIds()).contains(yesterdays, todays).hasSizeLessThan(30);
        assertThat(text("list-counts")).startsWith("(" + aapl.getLong("total") + " found");

        // a count per state, among the matches; choosing one narrows to it, as status= does
        WebElement completedChip = browser.findElement(By.cssSelector("#state-counts button[data-status='completed']"));
        assertThat(completedChip.getText()).endsWith(" " + aapl.getLong("counts.completed"));
        completedChip.click();
        JsonPath aaplCompleted = api(Map.of("symbol", "AAPL", "status", "completed", "limit", "50"));
        await().atMost(SHORT).until(() -> rowIds().equals(aaplCompleted.getList("operations.operation_id")));
        assertThat(rowStatuses()).allMatch(s -> s.contains("completed"));
    }

    @Test
    void theRunPageShowsItsParametersDatesAndModelAndTheModelLinksBack() {
        open("#/operations/" + yesterdays);
        await().atMost(SHORT).until(() -> text("detail-status").contains("completed"));
        String parameters = text("detail-parameters-list");
        assertThat(parameters).contains("Epochs\n3", "Batch size\n32", "Learning rate\n0.0010", "Seed\n7",
                "Validation split\n0.2000", "Strategy\n" + STRATEGY);
        assertThat(text("detail-symbols")).isEqualTo("AAPL · 1h");
        assertThat(text("detail-mode")).isEqualTo("this backend (local)");
        OperationInfo run = store.find(yesterdays).orElseThrow();
        long day = (Long) browser.executeScript("return new Date(arguments[0]).getDate()", run.createdAt().toString());
        long year = (Long) browser.executeScript("return new Date(arguments[0]).getFullYear()", run.createdAt().toString());
        assertThat(text("detail-created")).contains(" " + day + ",", String.valueOf(year));
        assertThat(text("detail-result-list")).contains("Model version\nv1", "Final val accuracy")
                .doesNotContain("registry_version", "final_val_accuracy");
        assertThat(browser.findElement(By.id("detail-attempts")).isDisplayed()).as("it was resumed once").isTrue();
        List<String> attempts = browser.findElements(By.cssSelector("#detail-attempts-list li")).stream()
                .map(WebElement::getText).toList();
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0)).startsWith("attempt 1: ").contains("on host http://gpu-1:8081")
                .doesNotContain("from epoch");
        assertThat(attempts.get(1)).startsWith("attempt 2: ")
                .endsWith("on host http://gpu-2:8081, from epoch 2, after: host http://gpu-1:8081 lost");

        browser.findElement(By.cssSelector("#detail-model a")).click();
        assertThat(browser.getCurrentUrl()).endsWith("#/models/" + STRATEGY + "/v1");
        By modelRow = By.cssSelector("#models-table tr[data-model='" + STRATEGY + "/v1']");
        await().atMost(SHORT).until(() -> !browser.findElements(modelRow).isEmpty()
                && browser.findElement(modelRow).getAttribute("class").contains("selected"));

        browser.findElement(modelRow).findElement(By.linkText("run")).click();
        await().atMost(SHORT).until(() -> browser.getCurrentUrl().endsWith("#/operations/" + yesterdays)
                && text("detail-id").equals(yesterdays));
    }

    @Test
    void twoTrainingsComparedShowBothCurvesAndMarkTheParametersThatDiffer() throws Exception {
        open("");
        new Select(browser.findElement(By.id("f-field"))).selectByValue("symbol");
        fill("f-text", "AAPL");
        new Select(browser.findElement(By.id("f-type"))).selectByValue("training");
        await().atMost(SHORT).until(() -> rowIds().contains(yesterdays) && rowIds().contains(todays));
        tick(yesterdays);
        tick(todays);
        WebElement compare = browser.findElement(By.id("compare-button"));
        assertThat(compare.getText()).isEqualTo("Compare 2 trainings");
        compare.click();

        assertThat(browser.getCurrentUrl()).endsWith("#/compare/" + yesterdays + "," + todays);
        assertComparison();
        browser.manage().window().setSize(new Dimension(1280, 1300));
        browser.executeScript("document.getElementById('compare').scrollIntoView()");
        saveScreenshot();

        browser.navigate().refresh(); // the view has its own URL
        assertComparison();
    }

    @Test
    void onAPhoneTheModelsActivateButtonIsFullyInsideItsCard() {
        RegisteredModels.trained(registry.store(), RegisteredModels.strategy("phone_strategy_with_a_long_name"), 3);
        browser.manage().window().setSize(new Dimension(390, 844));
        open("");
        By activate = By.cssSelector("#models-table button:not([disabled])");
        await().atMost(SHORT).until(() -> !browser.findElements(activate).isEmpty());
        long width = (Long) browser.executeScript("return window.innerWidth");
        assertThat(width).isLessThanOrEqualTo(400);
        for (WebElement button : browser.findElements(activate)) {
            Map<?, ?> box = rect(button);
            Map<?, ?> scroller = rect(browser.findElement(By.cssSelector("#models .table-scroll")));
            assertThat(((Number) box.get("left")).doubleValue()).isGreaterThanOrEqualTo(
                    ((Number) scroller.get("left")).doubleValue());
            assertThat(((Number) box.get("right")).doubleValue()).as("the button's right edge inside its box")
                    .isLessThanOrEqualTo(((Number) scroller.get("right")).doubleValue());
        }
        assertThat((Long) browser.executeScript(
                "const s = document.querySelector('#models .table-scroll'); return s.scrollWidth - s.clientWidth"))
                .as("the models table scrolls sideways").isLessThanOrEqualTo(0L);
    }

    private void assertComparison() {
        await().atMost(SHORT).until(() -> text("compare-status").contains("rows differ"));
        assertThat(browser.findElement(By.id("compare-figure")).getAttribute("data-series")).isEqualTo("4");
        @SuppressWarnings("unchecked")
        List<Long> points = (List<Long>) browser.executeScript("return Chart.getChart(document.getElementById("
                + "'compare-chart')).data.datasets.map(d => d.data.length)");
        assertThat(points).containsExactly(3L, 3L, 5L, 5L);
        assertThat(compareRow("Epochs").getAttribute("class")).contains("differs");
        assertThat(compareRow("Epochs").getText()).startsWith("≠ Epochs").contains("3", "5");
        assertThat(compareRow("Batch size").getAttribute("class")).contains("differs");
        assertThat(compareRow("Batch size").getText()).contains("32", "64");
        assertThat(compareRow("Strategy").getAttribute("class")).doesNotContain("differs");
        assertThat(compareRow("Seed").getAttribute("class")).doesNotContain("differs");
        assertThat(browser.findElement(By.cssSelector("#compare-table thead")).getText())
                .contains(yesterdays, todays);
    }

    private WebElement compareRow(String name) {
        return browser.findElements(By.cssSelector("#compare-table tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("th")).getText().replace("≠ ", "").equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + name));
    }

    /** 64 operations over yesterday and today; two AAPL trainings with models, the rest a mix of kinds and ends. */
    private void seed(Instant now) {
        Instant yesterday = now.minus(Duration.ofDays(1));
        yesterdays = training(yesterday.minus(Duration.ofMinutes(5)), List.of("AAPL"), 3, 32, 0.0);
        // it was resumed once: its host was lost after the checkpoint of epoch 2 (as a lost host's resume records it)
        store.update(yesterdays, op -> op.withAttempts(OperationAttempts.NONE
                .plus(new OperationAttempt(1, yesterday.minus(Duration.ofMinutes(5)), OperationAttempt.HOST,
                        "http://gpu-1:8081", 0, null))
                .plus(new OperationAttempt(2, yesterday.minus(Duration.ofMinutes(2)), OperationAttempt.HOST,
                        "http://gpu-2:8081", 2, "host http://gpu-1:8081 lost"))));
        todays = training(now.minus(Duration.ofMinutes(30)), List.of("AAPL", "MSFT"), 5, 64, 0.05);
        for (int i = 0; i < 62; i++) {
            Instant created = (i % 2 == 0 ? yesterday : now).minus(Duration.ofMinutes(40 + 7L * i));
            OperationType type = i % 3 == 0 ? OperationType.DATA_LOADING : OperationType.TRAINING;
            OperationStatus status = i % 5 == 1 ? OperationStatus.FAILED : i % 7 == 3 ? OperationStatus.CANCELLED
                    : OperationStatus.COMPLETED;
            List<String> symbols = i % 4 == 0 ? List.of("AAPL") : i % 4 == 1 ? List.of("MSFT") : List.of("GOOG", "MSFT");
            SeededHistory.other(store, OperationIds.newId(type, created), type, created, symbols, STRATEGY, status);
        }
    }

    /** A completed training with its metrics and a registered model version (a real artifact) that names it. */
    private String training(Instant created, List<String> symbols, int epochs, int batchSize, double shift) {
        String id = OperationIds.newId(OperationType.TRAINING, created);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("strategy", STRATEGY);
        parameters.put("epochs", epochs);
        parameters.put("batch_size", batchSize);
        parameters.put("learning_rate", 0.001);
        parameters.put("validation_split", 0.2);
        parameters.put("seed", 7);
        Map<String, Object> result = SeededHistory.training(store, id, created, symbols, parameters, shift).resultSummary();
        Path artifact = TestArtifacts.train(RegisteredModels.DATA_DIR, RegisteredModels.MODELS_DIR, STRATEGY, id, 7);
        String version = registry.store().register(new NewModelVersion(STRATEGY, artifact.toAbsolutePath().toString(),
                Map.of("epochs", epochs, "val_accuracy", result.get("final_val_accuracy")), parameters, id)).version();
        SeededHistory.addToResult(store, id, Map.of("registry_version", version, "activated", false));
        return id;
    }

    private void open(String hash) {
        browser.get(page.toString() + hash);
    }

    private void tick(String id) {
        browser.findElement(By.cssSelector("#operations tr[data-id='" + id + "'] input[type=checkbox]")).click();
    }

    /** The list's rows as one read (the list re-renders while it is read element by element). */
    @SuppressWarnings("unchecked")
    private List<String> rowIds() {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#operations tbody tr')].map(r => r.dataset.id)");
    }

    @SuppressWarnings("unchecked")
    private List<String> rowStatuses() {
        return (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('#operations tbody tr .status')].map(s => s.textContent)");
    }

    private static JsonPath api(Map<String, String> query) {
        return given().queryParams(query).get("/api/v1/operations").then().statusCode(200).extract().jsonPath();
    }

    private Map<?, ?> rect(WebElement element) {
        return (Map<?, ?>) browser.executeScript("const r = arguments[0].getBoundingClientRect();"
                + " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom};", element);
    }

    private double innerHeight() {
        return ((Number) browser.executeScript("return window.innerHeight")).doubleValue();
    }

    private void fill(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }

    private void saveScreenshot() throws Exception {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.write(SCREENSHOT, browser.getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("opsbridge.update-screenshot")) {
            Path docs = Path.of("../docs/compare-runs.png");
            Files.copy(SCREENSHOT, docs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
