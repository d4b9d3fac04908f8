package dev.quiver.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.core.TestApps;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The UI in real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium): from
 * a string to the method loading it, its smali with links, its callers, its call graph expanded
 * by a click; and the hostile app's names shown as text with no script run. Screenshots go to
 * {@code target/screenshots/}. Skipped, saying why, when Chromium or its driver is missing.
 */
class UiBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tmp;
    static TestServer s;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "skipped: needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + DRIVER + "); .ci/run installs them");
        s = new TestServer(TestApps.database(List.of(TestApps.ANALYSIS, TestApps.HOSTILE), tmp, tmp.resolve("ui.db")));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")), "--window-size=1440,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (s != null) {
            s.close();
        }
    }

    @Test
    void fromAStringToItsMethodItsCallersAndItsCallGraph() throws Exception {
        browser.get(s.uri().toString());
        await("overview", () -> text("h1").equals("Overview"));
        assertThat(browser.findElements(By.cssSelector("#tree .twisty"))).isNotEmpty();

        WebElement q = browser.findElement(By.id("q"));
        browser.findElement(By.tagName("body")).sendKeys("/");
        assertThat(browser.switchTo().activeElement()).isEqualTo(q);
        q.sendKeys("DES");
        await("string hit", () -> !browser.findElements(By.xpath("//div[@id='results']//a[contains(@class,'item')]"
                + "[.//div[@class='hit' and text()='\"DES\"']]")).isEmpty());
        shot("search");
        List<WebElement> items = browser.findElements(By.cssSelector("#results .item"));
        int index = 0;
        while (!items.get(index).findElement(By.className("hit")).getText().equals("\"DES\"")) {
            index++;
        }
        for (int i = 0; i <= index; i++) {
            q.sendKeys(Keys.ARROW_DOWN);
        }
        q.sendKeys(Keys.ENTER);
        await("string page", () -> browser.getCurrentUrl().contains("#/string/DES")
                && !browser.findElements(By.linkText("Crypto.encrypt(byte[])")).isEmpty());

        browser.findElement(By.linkText("Crypto.encrypt(byte[])")).click();
        await("method page", () -> text("h1").endsWith("Crypto.encrypt(byte[])")
                && !browser.findElements(By.cssSelector("table.smali a.r-string")).isEmpty());
        WebElement str = browser.findElement(By.cssSelector("table.smali a.r-string"));
        assertThat(str.getText()).isEqualTo("\"DES\"");
        assertThat(str.getAttribute("href")).endsWith("#/string/DES");
        WebElement call = browser.findElement(By.cssSelector("table.smali a.r-method"));
        assertThat(call.getText()).isEqualTo("Ljavax/crypto/Cipher;->getInstance(Ljava/lang/String;)Ljavax/crypto/Cipher;");
        assertThat(browser.findElements(By.cssSelector("table.smali tr"))).hasSizeGreaterThan(3);
        shot("method");

        List<String> callers = texts("section.card table[aria-label=calls] td:first-child a");
        assertThat(callers).containsExactlyInAnyOrder("Crypto.encrypt(String)", "Users.fromBytes(byte[])");
        browser.findElement(By.linkText("Crypto.encrypt(String)")).click();
        await("caller page", () -> text("h1").endsWith("Crypto.encrypt(String)"));
        assertThat(texts("section.card table[aria-label=calls] td:first-child a")).containsExactly("Users.fromString()");
        browser.navigate().back();
        await("back to the method", () -> text("h1").endsWith("Crypto.encrypt(byte[])"));

        browser.findElement(By.linkText("Call graph")).click();
        await("graph", () -> browser.findElements(By.cssSelector(".graph-svg g.node")).size() == 4);
        shot("graph");
        WebElement caller = browser.findElement(By.cssSelector(".graph-svg g.node[data-id='Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B']"));
        caller.click();
        await("expanded", () -> browser.findElements(By.cssSelector(".graph-svg g.node")).size() == 5);
        assertThat(browser.findElements(By.cssSelector(".graph-svg g.node[data-id='Lcom/q/Users;->fromString()V']"))).hasSize(1);
        assertThat(browser.findElements(By.cssSelector(".graph-svg path.edge"))).hasSize(4);
        assertThat(text(".graph-info .gi-title")).isEqualTo("Crypto.encrypt(String)");
        browser.findElement(By.cssSelector(".graph-controls button[title='Zoom in']")).click();
        shot("graph-expanded");

        browser.get(s.uri() + "#/hierarchy/" + java.net.URLEncoder.encode("Lcom/q/Impl;", "UTF-8"));
        await("inheritance", () -> browser.findElements(By.cssSelector(".graph-svg g.node")).size() >= 5);
        shot("inheritance");
        browser.get(s.uri() + "#/app/1");
        await("app page", () -> text("h1").startsWith("analysis-smali"));
    }

    @Test
    void hostileNamesAreTextAndNoScriptRuns() throws Exception {
        browser.get(s.uri() + "#/app/2");
        await("hostile app", () -> text("h1").startsWith("hostile-smali") && !browser.findElements(By.cssSelector("table.grid")).isEmpty());
        assertThat(text("main")).contains("<script>window.__pwned=3</script>");
        browser.get(s.uri() + "#/package/com/evil");
        // the slashes in "</script>" and "<img/src=…>" are package separators of the descriptors
        await("package", () -> text("main").contains("Q\"'><img") && text("main").contains("<script>window.__pwned=3<"));
        assertThat(text("main")).contains("com.evil.Rtl\\u202etxt.exe");
        shot("hostile-package");

        browser.get(s.uri() + "#/method/" + java.net.URLEncoder.encode("Lcom/evil/Caller;->run()V", "UTF-8").replace("+", "%20"));
        await("hostile method", () -> !browser.findElements(By.cssSelector("table.smali a.r-method")).isEmpty());
        browser.findElement(By.linkText("Call graph")).click();
        await("hostile graph", () -> browser.findElements(By.cssSelector(".graph-svg g.node")).size() == 3);
        shot("hostile-graph");
        browser.navigate().back();
        await("hostile method again", () -> !browser.findElements(By.cssSelector("table.smali a.r-method")).isEmpty());
        String payload = "Lcom/evil/<script>window.__pwned=3</script>;->payload()Ljava/lang/String;";
        WebElement link = browser.findElement(By.xpath("//table[contains(@class,'smali')]//a[text()='" + payload + "']"));
        link.click();
        await("payload method", () -> text("h1").contains("payload()")
                && !browser.findElements(By.cssSelector("table.smali a.r-string")).isEmpty());
        List<String> strings = texts("table.smali a.r-string");
        assertThat(strings).contains("\"<img src=x onerror=\\\"document.title='pwned';window.__pwned=1\\\">\"",
                "\"javascript:alert(document.domain)\"");
        for (WebElement a : browser.findElements(By.cssSelector("a"))) {
            String href = a.getAttribute("href");
            if (href != null) {
                assertThat(href).doesNotStartWith("javascript:");
            }
        }
        shot("hostile-method");

        browser.get(s.uri() + "#/search/pwned");
        await("hostile search", () -> text("main").contains("window.__pwned=2"));
        browser.get(s.uri() + "#/string/" + java.net.URLEncoder.encode("invoice\u202etxt.exe and a line\nbreak", "UTF-8")
                .replace("+", "%20"));
        await("rtl string", () -> text("pre.string-value").contains("invoice\\u202etxt.exe and a line\\nbreak"));
        shot("hostile-string");

        JavascriptExecutor js = browser;
        assertThat(js.executeScript("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(browser.getTitle()).doesNotContain("pwned");
        assertThat(js.executeScript("return document.querySelectorAll('main img, main svg[onload], main script').length"))
                .isEqualTo(0L);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String text(String css) {
        List<WebElement> e = browser.findElements(By.cssSelector(css));
        return e.isEmpty() ? "" : e.get(0).getText();
    }

    private static List<String> texts(String css) {
        return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    /** Polls {@code condition} for up to 20 s; fails with a screenshot of what the page showed. */
    private static void await(String what, Supplier<Boolean> condition) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < end) {
            try {
                if (condition.get()) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                // the page re-rendered while we looked; look again
            }
            Thread.sleep(50);
        }
        shot("failed-" + what.replace(' ', '-'));
        throw new AssertionError("timed out waiting for " + what + " at " + browser.getCurrentUrl() + "; page shows: "
                + text("main"));
    }

    private static void shot(String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
