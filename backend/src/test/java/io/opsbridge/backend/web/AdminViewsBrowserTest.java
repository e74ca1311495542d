package io.opsbridge.backend.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin page ({@code /admin.html}) in a real headless Chromium, as an operator uses it: the admin
 * token entered when the page asks, a settings file dry-run with its diff and then reloaded, a token
 * created (its secret shown once, with a copy button) and revoked, the audit filtered by action, and a
 * worker host that does not answer shown with why.
 */
@QuarkusTest
@TestProfile(AdminViewsBrowserTest.WithSettingsFileAndAHost.class)
class AdminViewsBrowserTest {

    static final Path SETTINGS = Path.of("target", "test-settings", "admin-" + UUID.randomUUID(),
            "opsbridge-runtime.properties").toAbsolutePath();
    static final Duration SHORT = Duration.ofSeconds(15);

    /** Its own settings file, reloaded only from the page (no watch), and a host nobody listens at. */
    public static class WithSettingsFileAndAHost implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opsbridge.settings.file", SETTINGS.toString(), "opsbridge.settings.watch", "false",
                    "opsbridge.training.routing.hosts", "http://127.0.0.1:9");
        }
    }

    @TestHTTPResource("/admin.html")
    URL page;

    @TempDir
    Path profile;

    ChromeDriver browser;

    @BeforeEach
    void openPageWithTheAdminToken() {
        browser = HeadlessChromium.start(profile);
        browser.get(page.toString());
        // the dialog is made when the first admin call is refused (token.js)
        await().atMost(SHORT).ignoreExceptions().until(() -> browser.findElement(By.id("token-dialog")).isDisplayed());
        assertThat(text("token-reason")).startsWith("401");
        browser.findElement(By.id("token-input")).sendKeys(TestTokens.ADMIN);
        browser.findElement(By.id("token-submit")).click();
        await().atMost(SHORT).until(() -> text("settings-summary").startsWith("Version "));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSettingsFileIsDryRunWithItsDiffThenReloaded() throws IOException {
        Files.createDirectories(SETTINGS.getParent());
        Files.writeString(SETTINGS, "opsbridge.operations.cache-ttl=345ms\n");
        String before = cell("settings-values", "opsbridge.operations.cache-ttl");

        browser.findElement(By.id("settings-dry-run")).click();
        await().atMost(SHORT).until(() -> text("settings-result").startsWith("Dry run"));
        assertThat(text("settings-diff")).isEqualTo("opsbridge.operations.cache-ttl: " + before + " → 345ms");
        assertThat(cell("settings-values", "opsbridge.operations.cache-ttl")).as("a dry run applies nothing")
                .isEqualTo(before);

        browser.findElement(By.id("settings-reload")).click();
        await().atMost(SHORT).until(() -> text("settings-result").startsWith("Applied"));
        await().atMost(SHORT).until(() -> "345ms".equals(cell("settings-values", "opsbridge.operations.cache-ttl")));
        browser.findElement(By.cssSelector("#settings-history-box summary")).click();
        await().atMost(SHORT).until(() -> text("settings-history").contains("opsbridge.operations.cache-ttl: "
                + before + " → 345ms"));
        assertThat(text("settings-history")).contains("applied", "admin");
        assertThat(text("settings-sighup")).isNotEmpty();
    }

    @Test
    void aTokenIsCreatedWithItsSecretShownOnceThenRevokedAndTheAuditFilteredByAction() {
        fill("token-name", "browser-ci");
        new Select(browser.findElement(By.id("token-role"))).selectByValue("viewer");
        browser.findElement(By.id("token-create")).click();
        await().atMost(SHORT).until(() -> browser.findElement(By.id("token-created")).isDisplayed());
        String secret = text("token-secret");
        assertThat(secret).startsWith("obt_");
        assertThat(text("token-created")).contains("Save this secret now", "shown this once");
        browser.findElement(By.id("token-copy")).click();
        await().atMost(SHORT).until(() -> !text("token-copied").isEmpty());
        given().auth().oauth2(secret).get("/api/v1/operations").then().statusCode(200);

        String id = secret.substring(4, 16);
        WebElement row = browser.findElement(By.cssSelector("#tokens-table tr[data-token='" + id + "']"));
        assertThat(row.getText()).contains("browser-ci", "viewer", "active");
        row.findElement(By.tagName("button")).click();
        assertThat(browser.switchTo().alert().getText()).startsWith("Revoke token browser-ci");
        browser.switchTo().alert().accept();
        await().atMost(SHORT).until(() -> browser.findElement(By.cssSelector("#tokens-table tr[data-token='" + id
                + "']")).getText().contains("revoked"));
        given().auth().oauth2(secret).get("/api/v1/operations").then().statusCode(401);

        fill("audit-action", "tokens");
        browser.findElement(By.id("audit-filter")).click();
        await().atMost(SHORT).until(() -> browser.findElements(By.cssSelector("#audit-table tbody tr")).size() >= 2
                && text("audit-result").contains("entries"));
        List<WebElement> rows = browser.findElements(By.cssSelector("#audit-table tbody tr"));
        assertThat(rows).allSatisfy(r -> assertThat(r.findElements(By.tagName("td")).get(3).getText()).contains("tokens"));
        assertThat(text("audit-table")).contains("DELETE").contains("POST");
    }

    @Test
    void theHostsViewShowsAHostThatDoesNotAnswerWithWhy() {
        await().atMost(SHORT).until(() -> text("hosts-summary").startsWith("0 of 1 reachable"));
        assertThat(text("hosts-table")).contains("http://127.0.0.1:9", "training", "no: connection refused");
        assertThat(text("replicas-summary")).contains("replica");
        TestTokens.asAdmin().get("/api/v1/admin/hosts").then().statusCode(200)
                .body("hosts[0].url", org.hamcrest.Matchers.equalTo("http://127.0.0.1:9"))
                .body("hosts[0].reachable", org.hamcrest.Matchers.equalTo(false))
                .body("hosts[0].error", org.hamcrest.Matchers.startsWith("connection refused"));
        given().get("/api/v1/admin/hosts").then().statusCode(401);
    }

    private String cell(String table, String key) {
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            if (cells.get(0).getText().equals(key)) {
                return cells.get(1).getText();
            }
        }
        return null;
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
