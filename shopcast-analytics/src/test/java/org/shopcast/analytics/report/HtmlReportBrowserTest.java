package org.shopcast.analytics.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.shopcast.analytics.TaobaoStore;
import org.shopcast.analytics.funnel.FunnelOptions;
import org.shopcast.analytics.funnel.Funnels;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.analytics.rfm.Rfm;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.HeadlessChromium;

/**
 * The report of {@code shopcast report} ({@link HtmlReport}) opened from its file in a real
 * headless Chromium (Debian {@code chromium} and {@code chromium-driver}, driven by Selenium) over
 * the Taobao fixture of 43 users: every section with a chart (KPIs, funnel, retention, RFM) has a
 * canvas with non-blank pixels, and the funnel and RFM charts hold the figures the analyses
 * compute. The screenshot is kept as {@code target/report-page.png}. Skips when Chromium or its
 * driver is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlReportBrowserTest {

  /** The data of the first series of the chart in {@code arguments[0]}. */
  private static final String SERIES_DATA =
      "return echarts.getInstanceByDom(arguments[0]).getOption().series[0].data;";

  private EventStore store;
  private Path report;
  private ChromeDriver browser;

  @BeforeAll
  void start(@TempDir Path dir) {
    assumeTrue(HeadlessChromium.installed(), HeadlessChromium.MISSING);
    store = TaobaoStore.open(dir.resolve("ws"), "taobao/UserBehavior_head_43users.csv");
    report = dir.resolve("report.html");
    HtmlReport.write(
        store.connection(),
        report,
        new ReportOptions(ZoneOffset.UTC, KpiOptions.Grain.DAY, 0.01, false));
    browser = HeadlessChromium.start(dir.resolve("chromium"));
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (store != null) {
      store.close();
    }
  }

  private long inked(WebElement chart) {
    return HeadlessChromium.inkedPixels(browser, chart);
  }

  private List<Long> seriesCounts(WebElement chart) {
    List<Long> counts = new ArrayList<>();
    for (Object value :
        (List<?>) ((JavascriptExecutor) browser).executeScript(SERIES_DATA, chart)) {
      counts.add(value == null ? 0L : ((Number) value).longValue());
    }
    return counts;
  }

  @Test
  void everyChartSection_drawsItsChart_withTheAnalysesFigures() throws Exception {
    browser.get(report.toUri().toString());
    assertThat(browser.getTitle()).isEqualTo("Shopcast behaviour report");
    List<WebElement> sections = browser.findElements(By.tagName("section"));
    List<String> titles =
        sections.stream().map(s -> s.findElement(By.tagName("h2")).getText()).toList();
    assertThat(titles)
        .hasSize(6)
        .anyMatch(t -> t.startsWith("KPIs"))
        .anyMatch(t -> t.startsWith("Funnel"))
        .contains("Retention", "Paths", "RFM segments", "Basket rules");
    List<String> charted = new ArrayList<>();
    for (WebElement section : sections) {
      String title = section.findElement(By.tagName("h2")).getText();
      List<WebElement> charts = section.findElements(By.className("chart"));
      for (WebElement chart : charts) {
        new WebDriverWait(browser, Duration.ofSeconds(15), Duration.ofMillis(100))
            .withMessage("the chart of section '" + title + "' draws (non-blank canvas)")
            .until(d -> inked(chart) > 500);
      }
      if (!charts.isEmpty()) {
        charted.add(title);
      } else {
        // sections without a chart show tables or a sentence
        assertThat(
                section.findElements(By.tagName("table")).size()
                    + section.findElements(By.tagName("p")).size())
            .as("content of section '%s'", title)
            .isPositive();
      }
    }
    assertThat(charted)
        .hasSize(4)
        .anyMatch(t -> t.startsWith("KPIs"))
        .anyMatch(t -> t.startsWith("Funnel"))
        .contains("Retention", "RFM segments");
    WebElement funnelChart = chartOf(sections, "Funnel");
    List<Long> funnel = new ArrayList<>();
    for (Map<String, Object> row :
        Funnels.compute(store.connection(), new FunnelOptions()).rows()) {
      funnel.add((Long) row.get("count"));
    }
    assertThat(seriesCounts(funnelChart)).isEqualTo(funnel);
    List<Long> rfm = new ArrayList<>();
    for (Map<String, Object> row : Rfm.compute(store.connection(), false).segments()) {
      rfm.add((Long) row.get("users"));
    }
    assertThat(seriesCounts(chartOf(sections, "RFM segments"))).isEqualTo(rfm);
    File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "report-page.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }

  private static WebElement chartOf(List<WebElement> sections, String titlePrefix) {
    return sections.stream()
        .filter(s -> s.findElement(By.tagName("h2")).getText().startsWith(titlePrefix))
        .findFirst()
        .orElseThrow()
        .findElement(By.className("chart"));
  }
}
