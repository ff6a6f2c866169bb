package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's headless Chromium, driven through the system's chromedriver (never a downloaded one), pointed at the
 * web application: logs in, saves full-page screenshots under {@code target/screenshots}, and runs axe-core inside
 * the page.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = System.getProperty("samenspel.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("samenspel.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final String base;

    Browser(int webPort) {
        this.base = "http://127.0.0.1:" + webPort;
        try {
            this.profile = Files.createTempDirectory("samenspel-chromium");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // An explicit driver and browser binary: Selenium Manager has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        this.service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                                                        .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                             "--no-first-run", "--disable-background-networking", "--disable-component-update",
                             "--disable-sync", "--user-data-dir=" + profile, "--lang=en-GB", "--window-size=1400,1000");
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    void open(String path) {
        driver.get(base + path);
    }

    String url(String path) {
        return base + path;
    }

    /** Logs in through the form, as a person would. */
    void login(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login");
        driver.findElement(By.id("username")).clear();
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        WebElement submit = driver.findElement(By.cssSelector("[data-test=login-submit]"));
        submit.click();
        // The form posts and the browser moves on, to the page asked for or back to the form with an error. Wait for
        // that: opening another page before it cancels the login, which then looks like a page that never appears.
        // Chromium answers a question about the old page's button either as stale or, while the next page loads,
        // with an error that the node has left the document: both say the browser has moved on.
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                submit.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    WebElement await(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(60))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Waits until the page {@code element} was on has been left. While the next page loads, Chromium may answer a
     * question about the old node with "does not belong to the document" instead of a stale reference: that too means
     * it is gone.
     */
    void awaitGone(WebElement element) {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            try {
                element.isEnabled();
                return false;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /** Waits until the dashboard's script has drawn every chart the page has a place for. */
    void awaitCharts() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            Object drawn = js("return document.body.getAttribute('data-charts-drawn');");
            Object places = js("return document.querySelectorAll('[data-chart]').length;");
            return drawn != null && Objects.equals(Long.parseLong(drawn.toString()), places);
        });
    }

    /**
     * A script function: how many lines a DOM range's text runs over, counted by the tops of its boxes (with
     * {@code widthOnly}, of those with width only).
     */
    private static final String LINES = """
            function lines(range, widthOnly) {
              var tops = {};
              [].slice.call(range.getClientRects()).forEach(function (r) {
                if (!widthOnly || r.width > 0) { tops[Math.round(r.top)] = true; }
              });
              return Object.keys(tops).length;
            }
            """;

    /**
     * The texts of the elements matching {@code selector} that run over more than one line, measured on their text's
     * line boxes (an element stretched by its row, as a label beside a taller value, is not counted).
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> wrapped(String selector) {
        return (java.util.List<String>) js(LINES + """
                return [].slice.call(document.querySelectorAll(arguments[0])).filter(function (e) {
                  var text = document.createRange();
                  text.selectNodeContents(e);
                  return lines(text, false) > 1;
                }).map(function (e) { return e.textContent.trim(); });
                """, selector);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** The data of each series of the ECharts instance drawn in {@code [data-chart=key]}, as JSON. */
    JsonNode seriesData(String key) {
        String json = (String) js("""
                var el = document.querySelector('[data-chart="' + arguments[0] + '"]');
                var chart = el && echarts.getInstanceByDom(el);
                return chart ? JSON.stringify(chart.getOption().series.map(function (s) { return s.data; })) : null;
                """, key);
        try {
            return json == null ? null : Api.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void resize(int width) {
        driver.manage().window().setSize(new Dimension(width, 1000));
    }

    /** A screenshot of the whole page (not only the window) under target/screenshots. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            // Captured beyond the viewport the page has no scroll bar, so it is as wide as the window, not the content.
            double width = Math.max(((Number) size.get("width")).doubleValue(),
                                    ((Number) js("return window.innerWidth;")).doubleValue());
            double height = Math.min(((Number) size.get("height")).doubleValue(), 16000);
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true,
                    "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
            // Tall pages also in window-high parts, which stay legible when viewed one at a time.
            Path parts = SCREENSHOTS.resolve("parts");
            Files.createDirectories(parts);
            int part = 1;
            for (double y = 0; y < height && height > 2000; y += 1500, part++) {
                Map<String, Object> slice = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                        "format", "png", "captureBeyondViewport", true,
                        "clip", Map.of("x", 0, "y", y, "width", width, "height", Math.min(1500, height - y), "scale", 1)));
                Files.write(parts.resolve(name + "-part" + part + ".png"),
                            Base64.getDecoder().decode((String) slice.get("data")));
            }
            // Every page shot is also checked for dates broken over two lines, at both widths it is shot at.
            assertThat(brokenDates()).as("dates broken over two lines on " + name).isEmpty();
            return file;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The dates (2026-12-06) on the page that a line break splits at a hyphen, each with the text around it: read as
     * "2026-12-" on one line and "06" on the next, a date is easily misread.
     */
    @SuppressWarnings("unchecked")
    java.util.List<String> brokenDates() {
        return (java.util.List<String>) js(LINES + """
                var broken = [];
                var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  var node = walker.currentNode;
                  var date = /\\d{4}-\\d{2}-\\d{2}/g;
                  var found;
                  while ((found = date.exec(node.data)) !== null) {
                    var range = document.createRange();
                    range.setStart(node, found.index);
                    range.setEnd(node, found.index + found[0].length);
                    if (lines(range, true) > 1) {
                      broken.push(node.data.replace(/\\s+/g, ' ').trim().substring(0, 100));
                    }
                  }
                }
                return broken;
                """);
    }

    /** Runs axe-core (from its WebJar) in the page; answers the violations of impact serious or critical. */
    JsonNode seriousAccessibilityViolations() {
        js(axeSource());
        Object result = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(function (r) {
                  done(JSON.stringify(r.violations.filter(function (v) {
                    return v.impact === 'serious' || v.impact === 'critical';
                  }).map(function (v) {
                    return { id: v.id, impact: v.impact, help: v.help,
                             nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }) };
                  })));
                }).catch(function (e) { done(JSON.stringify([{ id: 'axe-error', help: String(e) }])); });
                """);
        try {
            return Api.JSON.readTree(result.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String axeSource;

    private static synchronized String axeSource() {
        if (axeSource == null) {
            String resource = "META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js";
            try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is not on the test classpath: " + resource);
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return axeSource;
    }

    private static String axeVersion() {
        try (InputStream in = Browser.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core WebJar not found", e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            } catch (IOException ignored) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
