package org.glasshouse.release;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * Every page of a published release, opened in Debian's headless Chromium (through Debian's chromedriver) the way a
 * reader would: axe-core finds no WCAG 2.1 A or AA violation on any page; the keyboard alone reaches every link and
 * control in order with a visible focus, and the skip link works; every chart has a text alternative stating its
 * finding and its numbers as a table; no page scrolls sideways on a phone (wide tables scroll in their own region,
 * with a cue); every link and image resolves. Screenshots of a programme page at desktop and phone widths are left
 * in target/browser/ to be looked at.
 *
 * <p>The release is the test fixture's (two releases, so the changes page has a corrections log), or any release
 * folder given as -Dglasshouse.site=PATH (e.g. a nightly's out/site on the sample data). Without Chromium the test
 * is skipped on a developer's machine and fails in CI (CI=true), where .ci/run installs it.
 */
class SiteInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    @TempDir
    static Path out;
    static Path site;
    static SiteServer server;
    static ChromeDriver browser;
    static List<String> pages;

    @BeforeAll
    static void openTheReleaseInChromium() throws Exception {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver):"
                    + " .ci/run installs them with apt-get");
        }
        Assumptions.assumeTrue(installed, "SKIPPED: Chromium or chromedriver not installed "
                + "(apt-get install -y chromium chromium-driver); CI fails instead");
        String given = System.getProperty("glasshouse.site");
        if (given != null && !given.isBlank()) {
            site = Path.of(given).toRealPath();
        } else {
            ReleaseFixture.publish(out, "1", 7);
            site = ReleaseFixture.publish(out, "2", 12);
        }
        try (Stream<Path> s = Files.list(site)) {
            pages = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().toList();
        }
        server = new SiteServer(site);
        Path profile = Files.createTempDirectory(out, "chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machines' closed network refuses Chromium's background connections: these flags keep it quiet.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void close() {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static void open(String page) {
        browser.get(server.base + page);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @Test
    void axeFindsNoWcag21AOrAAViolationOnAnyPage() {
        assertThat(pages).contains("index.html", "data-quality.html", "methodology.html", "downloads.html",
                "changes.html");
        assertThat(pages.stream().filter(p -> p.startsWith("programme-"))).isNotEmpty();
        assertThat(pages.stream().filter(p -> p.startsWith("partner-"))).isNotEmpty();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        List<String> problems = new ArrayList<>();
        int rulesPassed = 0;
        for (String page : pages) {
            open(page);
            Results r = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
            if (r.isErrored()) problems.add(page + ": axe failed: " + r.getErrorMessage());
            rulesPassed += r.getPasses().size();
            for (Rule v : r.getViolations()) {
                for (CheckedNode n : v.getNodes()) {
                    problems.add(page + ": " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                            + n.getTarget() + ": " + n.getHtml());
                }
            }
        }
        assertThat(problems).isEmpty();
        // axe really ran its rules on every page (a page it could not analyse would pass nothing).
        assertThat(rulesPassed).isGreaterThan(pages.size() * 10);
    }

    @Test
    void theKeyboardAloneReachesEveryControlInOrderWithAVisibleFocus() {
        browser.manage().window().setSize(new Dimension(1280, 1000));
        for (String page : pages) {
            if (!(page.equals("index.html") || page.equals("data-quality.html") || page.equals("changes.html")
                    || page.equals(first("programme-")) || page.equals(first("partner-")))) continue;
            open(page);
            long controls = (Long) js("const c = [...document.querySelectorAll('a[href], summary, "
                    + "[tabindex]:not([tabindex=\"-1\"]), button, input, select, textarea')]"
                    + ".filter(e => e.getClientRects().length > 0 || e.classList.contains('skip-link'));"
                    + "c.forEach((e, i) => e.dataset.kbd = i); return c.length;");
            assertThat(controls).as(page).isGreaterThan(3);
            js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
            List<Long> order = new ArrayList<>();
            List<String> invisible = new ArrayList<>();
            for (int i = 0; i <= controls; i++) {
                new Actions(browser).sendKeys(Keys.TAB).perform();
                @SuppressWarnings("unchecked")
                Map<String, Object> f = (Map<String, Object>) js("const e = document.activeElement;"
                        + "if (!e || e === document.body) return null;"
                        + "const s = getComputedStyle(e); const r = e.getBoundingClientRect();"
                        + "return {i: e.dataset.kbd === undefined ? -1 : Number(e.dataset.kbd),"
                        + " outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,"
                        + " onScreen: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.width > 0,"
                        + " html: e.outerHTML.slice(0, 120)};");
                if (f == null) break; // focus left the page: the sequence is over, no trap
                order.add(((Number) f.get("i")).longValue());
                if (!(Boolean) f.get("outline") || !(Boolean) f.get("onScreen")) invisible.add(String.valueOf(f.get("html")));
            }
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < controls; i++) expected.add(i);
            assertThat(order.subList(0, Math.min(order.size(), (int) controls))).as(page + ": tab order")
                    .isEqualTo(expected);
            assertThat(invisible).as(page + ": focused but without a visible focus indicator").isEmpty();
        }
        // The first Tab reaches the skip link, which is shown, and Enter on it moves focus to the content.
        open("index.html");
        js("document.activeElement && document.activeElement.blur();");
        new Actions(browser).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getAttribute("class")).isEqualTo("skip-link");
        assertThat(skip.getRect().getX()).isGreaterThanOrEqualTo(0);
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        // A details list of column meanings opens from the keyboard.
        open(first("programme-"));
        WebElement summary = browser.findElement(By.cssSelector("details.glossary summary"));
        js("arguments[0].focus();", summary);
        summary.sendKeys(Keys.ENTER);
        assertThat(browser.findElement(By.cssSelector("details.glossary")).getAttribute("open")).isNotNull();
    }

    @Test
    void everyChartHasATextAlternativeWithItsFindingAndItsNumbersAsATable() {
        int charts = 0;
        for (String page : pages) {
            open(page);
            for (WebElement fig : browser.findElements(By.cssSelector("figure.chart"))) {
                charts++;
                String where = page + " " + fig.getAttribute("id");
                WebElement img = fig.findElement(By.tagName("img"));
                String alt = img.getAttribute("alt");
                assertThat(alt).as(where).hasSizeGreaterThan(40).containsPattern("\\d");
                assertThat((Long) js("return arguments[0].naturalWidth;", img)).as(where + " image loads").isEqualTo(800L);
                String caption = fig.findElement(By.tagName("figcaption")).getText();
                WebElement table = fig.findElement(By.tagName("table"));
                assertThat(table.findElement(By.tagName("caption")).getText()).isEqualTo("Data for chart: " + caption);
                List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
                assertThat(rows).as(where).isNotEmpty();
                for (WebElement row : rows) {
                    assertThat(row.findElements(By.cssSelector("th[scope=row]"))).as(where).hasSize(1);
                    for (WebElement td : row.findElements(By.tagName("td"))) {
                        assertThat(td.getText()).as(where).matches("\\[x\\]|-?[\\d,]+(\\.\\d+)?%?");
                    }
                }
                assertThat(fig.findElement(By.cssSelector("a[href$='.svg']")).getAttribute("href")).endsWith(".svg");
            }
        }
        assertThat(charts).isGreaterThan(3);
    }

    @Test
    void everyLinkAndImageResolvesAndNoPageNeedsSidewaysScrollingOnAPhone() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> checked = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        browser.manage().window().setSize(new Dimension(390, 844));
        for (String page : pages) {
            open(page);
            long overflow = (Long) js("return document.documentElement.scrollWidth - window.innerWidth;");
            if (overflow > 0) problems.add(page + ": the page is " + overflow + " px wider than a phone");
            // A table wider than its region scrolls inside it, and then the cue says so.
            for (WebElement wrap : browser.findElements(By.cssSelector(".table-wrap"))) {
                boolean scrolls = (Boolean) js("return arguments[0].scrollWidth > arguments[0].clientWidth + 1;", wrap);
                if (!scrolls) continue;
                assertThat(wrap.getAttribute("tabindex")).isEqualTo("0");
                boolean cue = (Boolean) js("const c = arguments[0].parentElement.querySelector('.scroll-cue');"
                        + "return c !== null && getComputedStyle(c).display !== 'none';", wrap);
                if (!cue) problems.add(page + ": a table scrolls sideways without the cue: "
                        + wrap.getAttribute("aria-labelledby"));
            }
            for (WebElement e : browser.findElements(By.cssSelector("a[href], img[src], link[href]"))) {
                String ref = e.getAttribute(e.getTagName().equals("img") ? "src" : "href");
                if (ref.startsWith("mailto:")) continue;
                if (!ref.startsWith(server.base)) {
                    problems.add(page + ": link leaves the site: " + ref);
                    continue;
                }
                String target = ref.replaceFirst("#.*$", "");
                if (!checked.add(target)) continue;
                int status = http.send(HttpRequest.newBuilder(URI.create(target)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 200) problems.add(page + ": broken " + ref + " (" + status + ")");
            }
        }
        assertThat(problems).isEmpty();
        assertThat(server.notFound).as("requests the browser made that were not found").isEmpty();
    }

    @Test
    void aProgrammePageIsScreenshotAtDesktopAndPhoneWidths() throws Exception {
        Path shots = Path.of("target", "browser").toAbsolutePath();
        Files.createDirectories(shots);
        String page = first("programme-");
        for (var size : List.of(new int[] {1280, 2400, 0}, new int[] {390, 2400, 1})) {
            browser.manage().window().setSize(new Dimension(size[0], size[1]));
            open(page);
            File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            Path shot = shots.resolve("programme-" + (size[2] == 0 ? "desktop" : "phone") + ".png");
            Files.copy(png.toPath(), shot, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            var image = ImageIO.read(shot.toFile());
            assertThat(image.getWidth()).isEqualTo(size[0]);
            assertThat(Files.size(shot)).isGreaterThan(20_000);
        }
    }

    private static String first(String prefix) {
        return pages.stream().filter(p -> p.startsWith(prefix)).findFirst().orElseThrow();
    }
}
