package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's chromium, headless, driven by Selenium through chromium-driver): each
 * user's journey clicked through and checked on what the page shows, with a screenshot of every page under
 * {@code target/screenshots} for review.
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTest {

    private static final String VAULT = "dash";
    private static final Path SHOTS = Path.of("target", "screenshots");
    private static WebDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void browser() throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        browser = new ChromeDriver(driver, options);
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void thePublicSeesTheVaultsAVaultAndItsInsuranceFundsHistory() throws Exception {
        Api.openVault(VAULT, "DASH", Map.of());
        Api.price("DASH", "2000");
        Api.post(token("lena", "lp"), "/api/v1/vaults/" + VAULT + "/deposits", Map.of("amount", "250000"))
                .statusCode(201);
        as(token("opal", "operator")).header("Idempotency-Key", "seed").body(Map.of("amount", "5000"))
                .post("/api/v1/vaults/" + VAULT + "/buffer/top-ups").then().statusCode(201);

        open("");
        WebElement row = waitFor(By.xpath("//table[@id='vaults']//a[text()='" + VAULT + "']"));
        shot("vaults");
        row.click();
        waitForText(By.cssSelector("#kpi-nav .value"), "250,000.00 USD");
        waitFor(By.cssSelector("#buffer-chart canvas"));
        waitFor(By.cssSelector("#nav-chart canvas"));
        waitFor(By.cssSelector("#coverage-chart canvas"));
        assertThat(text("#kpi-buffer .value")).isEqualTo("5,000.00 USD");
        assertThat(text("#kpi-band .value")).isEqualTo("NORMAL");
        shot("vault");

        open("vaults/" + VAULT + "/fund");
        waitForText(By.cssSelector("#fund-balance .value"), "5,000.00 USD");
        waitFor(By.cssSelector("#fund-chart canvas"));
        List<WebElement> movements = browser.findElements(By.cssSelector("#movements tbody tr"));
        assertThat(movements).hasSize(1);
        assertThat(movements.get(0).getText()).contains("top-up").contains("5,000.00 USD");
        shot("fund");
        browser.manage().window().setSize(new Dimension(390, 844));
        open("vaults/" + VAULT + "/fund");
        waitForText(By.cssSelector("#fund-balance .value"), "5,000.00 USD");
        shot("fund-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    @Order(2)
    void anLpSignsInDepositsAndSeesTheShares() throws Exception {
        signIn("lp", "lulu");
        open("vaults/" + VAULT + "/lp");
        waitForText(By.cssSelector("#lp-shares .value"), "0");
        browser.findElement(By.id("deposit-amount")).sendKeys("1000");
        browser.findElement(By.id("deposit")).click();
        waitForText(By.id("status"), "Deposited 1,000.00 USD for 1,000 shares");
        waitForText(By.cssSelector("#lp-shares .value"), "1,000");
        assertThat(browser.findElement(By.cssSelector("#lp-history tbody")).getText()).contains("DEPOSIT");
        shot("lp");

        // A refusal says why, and nothing changes.
        browser.findElement(By.id("withdraw-shares")).sendKeys("5000");
        browser.findElement(By.id("withdraw")).click();
        waitForText(By.id("status"), "Withdrawal refused:");
        assertThat(text("#lp-shares .value")).isEqualTo("1,000");
    }

    @Test
    @Order(3)
    void aTraderQuotesBuysAndSeesThePayoutAfterExpiry() throws Exception {
        signIn("trader", "tina");
        open("vaults/" + VAULT + "/trade");
        waitFor(By.cssSelector("#quote-expiry option"));
        String expiry = new Select(browser.findElement(By.id("quote-expiry"))).getFirstSelectedOption()
                .getAttribute("value");
        WebElement strike = browser.findElement(By.id("quote-strike"));
        strike.clear();
        strike.sendKeys("1900");
        browser.findElement(By.id("quote")).click();
        waitForText(By.id("status"), "Quoted ");
        assertThat(browser.findElement(By.id("quote-result")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("breakdown")).getText()).contains("Premium").contains("USD");
        assertThat(browser.findElement(By.id("receipt")).getText()).contains("Risk band");
        shot("trader-quote");
        browser.findElement(By.id("buy")).click();
        waitForText(By.id("status"), "Bought 1 ETH".replace("ETH", "DASH"));
        waitForText(By.cssSelector("#positions tbody tr .position-status"), "OPEN");
        shot("trader");

        // Past expiry with prices in the settlement window: the page follows the events to the payout.
        Instant exp = Instant.parse(expiry);
        Api.advance(Duration.between(Api.now(), exp.minus(Duration.ofMinutes(3))).toString());
        for (int i = 0; i < 3; i++) {
            Api.price("DASH", "2000");
            Api.advance("PT1M");
        }
        Api.advance("PT1M");
        as(token("opal", "operator")).post("/api/v1/vaults/" + VAULT + "/settlements").then().statusCode(200);
        waitForText(By.cssSelector("#positions tbody tr .position-status"), "PAID");
        assertThat(browser.findElement(By.cssSelector("#positions tbody tr")).getText()).contains("100.00 USD");
        assertThat(browser.findElement(By.cssSelector("#trades tbody")).getText()).contains("PAYOUT");
        shot("trader-paid");
        browser.manage().window().setSize(new Dimension(390, 844));
        open("vaults/" + VAULT + "/trade");
        waitForText(By.cssSelector("#positions tbody tr .position-status"), "PAID");
        shot("trader-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));
    }

    @Test
    @Order(4)
    void theOperatorPreviewsAndChangesThePolicy() throws Exception {
        signIn("operator", "olaf");
        open("vaults/" + VAULT + "/operator");
        waitFor(By.cssSelector("#policy tbody tr"));
        // The policy with its hard bounds, in the units an operator types.
        assertThat(browser.findElement(By.id("policy")).getText()).contains("maxExpiry P90D [P1D, P730D]");
        new Select(browser.findElement(By.id("policy-key"))).selectByValue("bufferFeeShare");
        browser.findElement(By.id("policy-value")).sendKeys("0.7");
        browser.findElement(By.id("policy-reason")).sendKeys("fund the buffer faster");
        browser.findElement(By.id("preview")).click();
        waitForText(By.id("status"), "Previewed bufferFeeShare = 0.7 on 1000 paths");
        waitFor(By.cssSelector("#fan-base canvas"));
        waitFor(By.cssSelector("#fan-alternative canvas"));
        waitFor(By.cssSelector("#tails canvas"));
        assertThat(browser.findElement(By.id("preview-table")).getText()).contains("P(socialised loss)");
        browser.findElement(By.id("apply")).click();
        waitForText(By.id("status"), "The policy is at version");
        waitForText(By.cssSelector("#audit tbody tr"), "fund the buffer faster");
        shot("operator");
    }

    private void signIn(String role, String name) throws IOException {
        open("sign-in");
        new Select(browser.findElement(By.id("sign-in-role"))).selectByValue(role);
        WebElement field = browser.findElement(By.id("sign-in-name"));
        field.clear();
        field.sendKeys(name);
        browser.findElement(By.id("sign-in")).click();
        waitForText(By.id("who"), name + " (" + role + ")");
        shot("sign-in");
    }

    private void open(String path) {
        browser.get(root.toString() + path);
    }

    private static WebElement waitFor(By what) {
        return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(
                what));
    }

    private static void waitForText(By what, String text) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                    what, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("waited for '" + text + "' in " + what + "; the page says: "
                    + browser.findElement(By.tagName("main")).getText() + "\nits console: "
                    + browser.manage().logs().get(LogType.BROWSER).getAll(), e);
        }
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    /** A screenshot of the whole page: the window is made as tall as the page for it, then set back. */
    private static void shot(String name) throws IOException {
        Dimension window = browser.manage().window().getSize();
        long height = (Long) ((ChromeDriver) browser).executeScript(
                "return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 140, 8000)));
        File file = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(file.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(window);
    }
}
