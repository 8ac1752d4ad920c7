package org.safeload.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.safeload.app.access.AccessRole;
import org.safeload.app.access.ProviderDirectory;
import org.safeload.app.access.TestAccounts;
import org.safeload.app.access.UserAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The base of every browser journey: the whole app on one port (one Spring context for all
 * journeys, cached by the test framework) and one headless Chromium (Debian's chromium and
 * chromium-driver; nothing is downloaded) shared by every journey class, closed when the test JVM
 * ends. Every page a journey opens is checked by axe-core (WCAG 2.2 A and AA) and must show no
 * {@code null}; forms are submitted the way a person does, with the token the page rendered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class BrowserJourney {

  public static final String ADMIN_PASSWORD = "test-admin-password";

  private static final String CHROMIUM =
      System.getenv().getOrDefault("SAFELOAD_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      System.getenv().getOrDefault("SAFELOAD_CHROMEDRIVER", "/usr/bin/chromedriver");

  /** The WCAG 2.2 A and AA rule tags axe runs. */
  static final List<String> WCAG_TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private static ChromeDriver shared;
  private static Path profile;
  private static String axeSource;
  private static String signedInAs;

  /** Pages axe has checked in this run, for the record. */
  static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

  @LocalServerPort protected int port;
  @Autowired protected JdbcClient jdbc;
  @Autowired private UserAccounts accounts;
  @Autowired private ProviderDirectory providers;

  protected ChromeDriver browser;

  @BeforeEach
  void useTheSharedBrowser() throws Exception {
    browser = browser();
    TestAccounts.ensure(accounts, providers);
  }

  protected String base() {
    return "http://localhost:" + port;
  }

  static synchronized ChromeDriver browser() throws IOException {
    if (shared == null) {
      assertThat(new File(CHROMIUM))
          .as("Chromium is needed for the browser tests: apt-get install chromium chromium-driver")
          .exists();
      assertThat(new File(CHROMEDRIVER))
          .as("ChromeDriver: apt-get install chromium-driver")
          .exists();
      profile = Files.createTempDirectory("safeload-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=1366,1000",
          "--user-data-dir=" + profile);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(new File(CHROMEDRIVER))
              .usingAnyFreePort()
              .build();
      shared = new ChromeDriver(service, options);
      shared.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      shared.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
      Runtime.getRuntime().addShutdownHook(new Thread(BrowserJourney::quit));
    }
    return shared;
  }

  private static void quit() {
    try {
      if (shared != null) {
        shared.quit();
      }
    } catch (RuntimeException e) {
      // the JVM is ending
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // best effort
      }
    }
  }

  // --- signing in -------------------------------------------------------------------------

  protected void signInAsAdmin() {
    signIn("admin", ADMIN_PASSWORD);
  }

  protected void signInAs(AccessRole role) {
    signIn(TestAccounts.username(role), TestAccounts.PASSWORD);
  }

  /** Signs in through the sign-in page, signing out first if someone else is signed in. */
  protected void signIn(String username, String password) {
    if (username.equals(signedInAs) && !browser.getCurrentUrl().contains("/sign-in")) {
      browser.get(base() + "/");
      if (!browser.getCurrentUrl().contains("/sign-in")) {
        return;
      }
    }
    browser.manage().deleteAllCookies();
    browser.get(base() + "/sign-in");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button.govuk-button")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> !d.getCurrentUrl().contains("/sign-in"));
    signedInAs = username;
  }

  // --- pages ------------------------------------------------------------------------------

  /** Opens a page by its path and checks it (axe, no "null"). */
  protected void open(String path) {
    browser.get(base() + path);
    checkPage();
  }

  /** Checks the page now shown: axe finds no WCAG 2.2 A/AA violation; no "null" in the text. */
  protected void checkPage() {
    String text = browser.findElement(By.tagName("body")).getText();
    assertThat(text).as("page %s shows a null", browser.getCurrentUrl()).doesNotContain("null");
    assertThat(browser.getPageSource())
        .as("page %s is a JSON body, not a page", browser.getCurrentUrl())
        .doesNotStartWith("{");
    axe();
  }

  /** Runs axe-core's WCAG 2.2 A and AA rules on the page now shown and fails on any violation. */
  @SuppressWarnings("unchecked")
  protected void axe() {
    JavascriptExecutor js = browser;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
      js.executeScript(axeSource());
    }
    Object result =
        js.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
                + " resultTypes: ['violations']})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,"
                + " help: v.help, nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: '"
                + " + n.failureSummary)}))))"
                + ".catch(e => done([{id: 'axe-error', help: String(e), nodes: []}]));",
            WCAG_TAGS);
    List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
    List<String> described = new ArrayList<>();
    for (Map<String, Object> v : violations) {
      described.add(
          v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " " + v.get("nodes"));
    }
    assertThat(described).as("axe on %s", browser.getCurrentUrl()).isEmpty();
    CHECKED.add(browser.getCurrentUrl().replace(base(), ""));
  }

  private static synchronized String axeSource() {
    if (axeSource == null) {
      try (InputStream in = BrowserJourney.class.getResourceAsStream("/axe/axe.min.js")) {
        assertThat(in).as("axe-core is in src/test/resources/axe").isNotNull();
        axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return axeSource;
  }

  // --- forms ------------------------------------------------------------------------------

  /** Types into a text box by its id, replacing what was there. */
  protected void type(String id, String text) {
    WebElement box = browser.findElement(By.id(id));
    box.clear();
    box.sendKeys(text);
  }

  /** Fills a GOV.UK date input whose day box has this id. */
  protected void typeDate(String id, int day, int month, int year) {
    type(id, String.valueOf(day));
    type(id + "-month", String.valueOf(month));
    type(id + "-year", String.valueOf(year));
  }

  /** Chooses an option of a select by its visible words. */
  protected void select(String id, String visibleText) {
    new Select(browser.findElement(By.id(id))).selectByVisibleText(visibleText);
  }

  /** Ticks a GOV.UK radio or checkbox the way a person does: by its label. */
  protected void choose(WebElement input) {
    browser.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
    assertThat(input.isSelected()).isTrue();
  }

  /** Clicks the button with these words and waits for the next page, then checks it. */
  protected void press(String buttonText) {
    WebElement button =
        browser.findElement(
            By.xpath(
                "//main//button[normalize-space()='"
                    + buttonText
                    + "'] | //main//input[@type='submit' and @value='"
                    + buttonText
                    + "']"));
    WebElement html = browser.findElement(By.tagName("html"));
    button.click();
    new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(html));
    assertThat(heading())
        .as("submitting \"%s\" on %s", buttonText, browser.getCurrentUrl())
        .isNotEqualTo("You cannot do this");
    checkPage();
  }

  protected String heading() {
    return browser.findElement(By.tagName("h1")).getText();
  }

  /** The GOV.UK error summary's messages, in order; empty when there is none. */
  protected List<String> errorSummary() {
    return browser.findElements(By.cssSelector(".govuk-error-summary__list li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  protected String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  protected List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** Writes a file for an upload form and returns its absolute path. */
  protected static String file(String name, String content) throws IOException {
    Path dir = Files.createDirectories(Path.of("target", "browser-uploads"));
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file.toAbsolutePath().toString();
  }

  protected void screenshot(String name) throws IOException {
    Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
    Path dir = Files.createDirectories(Path.of("target", "screenshots"));
    Files.copy(shot, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }
}
