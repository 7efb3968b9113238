package io.passerelle.e2e.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.passerelle.e2e.Stack;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs) pointed at the e2e stack's
 * gateway, with what the console tests repeat: logging in on Keycloak's own page, waiting, the accessibility check
 * (axe-core from e2e/node_modules, which make test installs) and screenshots into e2e/target/console/.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    static final Path SHOTS = Path.of("target/console");

    private final ChromeDriver driver;
    private final WebDriverWait wait;

    /** A browser whose preferred language is {@code language} (sent as Accept-Language). */
    public Browser(String language) {
        assertThat(new File(CHROMIUM)).as("Chromium (apt-get install chromium chromium-driver; .ci/run does)").isExecutable();
        assertThat(new File(CHROMEDRIVER)).as("ChromeDriver (apt-get install chromium-driver)").isExecutable();
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // the flags this machine kind needs: no sandbox as root, and no background calls to Google's hosts
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=" + language);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    public Browser() {
        this("en-US");
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a console path (e.g. {@code /approvals}) through the gateway. */
    public Browser open(String path) {
        driver.get(Stack.GATEWAY + path);
        return this;
    }

    /** Logs in on Keycloak's own login page, from the console's start page, and waits to be back in the console. */
    public Browser login(String user) {
        open("/");
        return signIn(user);
    }

    /** Fills Keycloak's login form the browser is on, and waits to be back in the console. */
    public Browser signIn(String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(driver.getCurrentUrl()).startsWith(Stack.KEYCLOAK + "/realms/passerelle/");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        wait.until(d -> d.getCurrentUrl().startsWith(Stack.GATEWAY));
        settle();
        return this;
    }

    /** Logs out with the header's button. */
    public Browser logout() {
        click(By.id("logout"));
        wait.until(d -> d.getCurrentUrl().startsWith(Stack.KEYCLOAK) || d.getCurrentUrl().startsWith(Stack.GATEWAY));
        return this;
    }

    public WebElement find(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    public Browser click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
        settle();
        return this;
    }

    /** Types into a field (cleared first). */
    public Browser type(By by, String text) {
        var field = find(by);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Waits until the page's text contains {@code text}; live updates and htmx swaps included. */
    public Browser awaitText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        return this;
    }

    /** Waits until {@code text} is on the page, reloading every 2 s (for what arrives through events). */
    public Browser awaitTextReloading(String text, Duration atMost) {
        new WebDriverWait(driver, atMost, Duration.ofSeconds(2)).until(d -> {
            if (d.findElement(By.tagName("body")).getText().contains(text)) {
                return true;
            }
            d.navigate().refresh();
            return false;
        });
        return this;
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String heading() {
        return find(By.tagName("h1")).getText();
    }

    /** Waits for htmx to finish what it is doing (no request in flight). */
    public Browser settle() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && !document.querySelector('.htmx-request');")));
        return this;
    }

    /**
     * Runs axe-core on the page and fails on any serious or critical violation of WCAG 2.1 A/AA, naming each rule and
     * the elements it found.
     */
    public Browser assertAccessible() {
        assertThat(AXE).as("axe-core (make test runs npm ci in e2e/)").exists();
        String axe;
        try {
            axe = Files.readString(AXE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var js = (JavascriptExecutor) driver;
        js.executeScript(axe);
        @SuppressWarnings("unchecked")
        var violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
                   .then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                       .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                                    nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }))))
                   .catch(e => done([{ id: 'axe-failed', impact: 'critical', help: String(e), nodes: [] }]));
                """);
        assertThat(violations).as("serious or critical accessibility violations on %s", driver.getCurrentUrl()).isEmpty();
        return this;
    }

    /** A PNG of the page into e2e/target/console/{name}.png (docs/console/ holds copies). */
    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** A phone-sized window (for the narrow layout's screenshots), or back to the laptop size. */
    public Browser size(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
