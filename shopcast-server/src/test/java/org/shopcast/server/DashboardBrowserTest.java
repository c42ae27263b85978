package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.testkit.Fixtures;
import org.shopcast.testkit.HeadlessChromium;

/**
 * The dashboard in a real headless Chromium (Debian {@code chromium} and {@code chromium-driver},
 * driven by Selenium) over a server holding the imported Taobao fixture (43 users): the overview's
 * charts are drawn (their canvases hold non-blank pixels), also the segment charts on request, and
 * the user page of a known user is filled with its state and profile. Screenshots are kept under
 * {@code target/dashboard-*.png}. Skips when Chromium or its driver is not installed ({@code
 * .ci/run} installs both).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

  /** The user with the most events in the fixture (466). */
  private static final String USER = "1000040";

  private TestServer t;
  private ChromeDriver browser;

  @BeforeAll
  void start(@TempDir Path dir) {
    assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
    t = new TestServer(dir.resolve("ws"));
    new Importer(t.store, Clock.systemUTC())
        .importFile(
            Fixtures.path("taobao/UserBehavior_head_43users.csv"), ImportOptions.of(Format.TAOBAO));
    browser = HeadlessChromium.start(dir.resolve("chromium"));
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (t != null) {
      t.close();
    }
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(100));
  }

  private long inked(String chartId) {
    return HeadlessChromium.inkedPixels(browser, browser.findElement(By.id(chartId)));
  }

  private void screenshot(String name) throws Exception {
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", name);
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void overview_drawsEveryChart() throws Exception {
    browser.get(t.server.url() + "/?key=" + TestServer.READ + "#overview");
    List<String> charts =
        List.of("volume-chart", "type-chart", "kpi-chart", "funnel-chart", "retention-chart");
    waiting()
        .withMessage("every overview chart draws (non-blank canvas)")
        .until(d -> charts.stream().allMatch(id -> inked(id) > 500));
    browser.findElement(By.id("segments-button")).click();
    waiting()
        .withMessage("the k-means and RFM segment charts draw")
        .until(d -> inked("kmeans-chart") > 500 && inked("rfm-chart") > 500);
    assertThat(browser.findElement(By.id("events")).getText().replace(",", ""))
        .isEqualTo(Long.toString(t.count("SELECT count(*) FROM events")));
    assertThat(browser.findElement(By.id("users")).getText()).isEqualTo("43");
    assertThat(browser.findElement(By.id("message")).getText()).isEmpty();
    // the key given in the address is kept in localStorage and removed from the address
    assertThat(browser.getCurrentUrl()).doesNotContain("key=");
    screenshot("dashboard-overview.png");
  }

  @Test
  void userPage_isFilledForAKnownUser() throws Exception {
    // segmenting builds user_profiles, which the user page shows
    assertThat(t.get("/api/v1/segments", TestServer.bearer(TestServer.READ)).statusCode())
        .isEqualTo(200);
    browser.get(t.server.url() + "/?key=" + TestServer.READ + "#user?id=" + USER);
    waiting()
        .withMessage("the user page shows user " + USER)
        .until(d -> d.findElement(By.id("user-title")).getText().equals("User " + USER));
    waiting().withMessage("the user's chart draws").until(d -> inked("user-chart") > 500);
    assertThat(t.count("SELECT count(*) FROM events WHERE user_id = '" + USER + "'"))
        .isEqualTo(466);
    // the 20 latest events, newest first, and first seen as the store has them
    assertThat(browser.findElements(By.cssSelector("#user-recent tbody tr"))).hasSize(20);
    String where = " FROM events WHERE user_id = '" + USER + "'";
    assertThat(browser.findElement(By.cssSelector("#user-recent tbody tr td")).getText())
        .isEqualTo(t.strings("SELECT strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ')" + where).get(0));
    assertThat(browser.findElement(By.id("user-first")).getText())
        .isEqualTo(t.strings("SELECT strftime(min(ts), '%Y-%m-%dT%H:%M:%SZ')" + where).get(0));
    waiting()
        .withMessage("the user's profile rows")
        .until(d -> !d.findElements(By.cssSelector("#user-profile tbody tr")).isEmpty());
    assertThat(
            browser.findElements(By.cssSelector("#user-profile tbody tr")).stream()
                .map(row -> row.getText())
                .filter(text -> text.startsWith("events "))
                .toList())
        .containsExactly("events 466");
    screenshot("dashboard-user.png");
  }
}
