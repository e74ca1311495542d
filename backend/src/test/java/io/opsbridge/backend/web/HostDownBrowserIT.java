package io.opsbridge.backend.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opsbridge.backend.hosts.TrainingHostProcess;
import io.opsbridge.backend.hosts.WithTrainingHost;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A training host killed mid-training, seen in the web UI: a warning with the host's last error
 * while the operation still runs, an elapsed time that keeps counting, then the failure's reason
 * (short limits from {@link WithTrainingHost.Doomed}: stalled after 2 s, failed after 12 s). Its own
 * profile, so its host is not the one {@code HostDownIT} killed before it.
 */
@QuarkusTest
@TestProfile(WithTrainingHost.DoomedInBrowser.class)
class HostDownBrowserIT {

    @TrainingHostProcess.Inject
    TrainingHostProcess host;

    @TestHTTPResource("/")
    URL page;

    @TempDir
    Path profile;

    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aDeadHostIsShownAsAWarningWhileTheClockRunsThenAsTheFailure() throws Exception {
        String id = given().contentType("application/json")
                .body("{\"symbols\":[\"AAPL\"],\"epochs\":500,\"batch_size\":16,\"mode\":\"host\"}")
                .post("/api/v1/trainings").then().statusCode(202).extract().path("operation_id");
        browser = HeadlessChromium.start(profile);
        browser.get(page + "#/operations/" + id);
        await().atMost(Duration.ofMinutes(1)).until(() -> text("detail-status").contains("running")
                && !text("detail-step").equals("-"));
        assertThat(browser.findElement(By.id("detail-host")).isDisplayed()).isFalse();

        host.kill();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> text("detail-host").startsWith("⚠ host unreachable since "));
        assertThat(text("detail-status")).contains("running");
        String clock = text("detail-duration");
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> !text("detail-duration").equals(clock));

        await().atMost(Duration.ofSeconds(30)).until(() -> text("detail-status").contains("failed"));
        assertThat(text("detail-error")).contains("host unreachable");
        assertThat(browser.findElement(By.id("detail-host")).isDisplayed()).isFalse();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().trim();
    }
}
