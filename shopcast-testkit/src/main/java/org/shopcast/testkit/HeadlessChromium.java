package org.shopcast.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Selenium, for the browser tests of the HTML report and the
 * dashboard. Selenium is a {@code provided} dependency here: a test module that uses this class
 * declares Selenium itself (test scope), and the CLI jar, which ships this module, never loads it.
 */
public final class HeadlessChromium {
  private static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** Why a browser test skips when {@link #installed()} is false. */
  public static final String MISSING =
      "skipped: needs Debian's chromium and chromium-driver (/usr/bin/chromium and"
          + " /usr/bin/chromedriver); install them with `apt-get install -y chromium"
          + " chromium-driver` (.ci/run does)";

  /**
   * Counts the pixels of the canvas in {@code arguments[0]} (a chart's element) that differ from
   * white/transparent; -1 when it has no canvas.
   */
  private static final String INKED_PIXELS =
      "var c = arguments[0].querySelector('canvas');"
          + "if (!c || c.width === 0 || c.height === 0) { return -1; }"
          + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
          + "var n = 0;"
          + "for (var i = 0; i < d.length; i += 4) {"
          + "  if (d[i + 3] > 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) { n++; }"
          + "}"
          + "return n;";

  private HeadlessChromium() {}

  /** Whether Chromium and its driver are installed where Debian puts them. */
  public static boolean installed() {
    return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
  }

  /**
   * Starts a headless browser with a 1280x1400 window, its profile in {@code profileDir}; the
   * caller quits it.
   */
  public static ChromeDriver start(Path profileDir) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1400",
        "--user-data-dir=" + profileDir);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort()
            .withSilent(true)
            .build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    return browser;
  }

  /**
   * The pixels a chart has drawn: those of the canvas inside {@code chart} that are not white or
   * transparent, or -1 when the chart has no canvas yet.
   */
  public static long inkedPixels(ChromeDriver browser, WebElement chart) {
    return ((Number) ((JavascriptExecutor) browser).executeScript(INKED_PIXELS, chart)).longValue();
  }
}
