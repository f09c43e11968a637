package io.seqcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The dashboard and Swagger UI in a real browser (Debian's chromium, driven by its chromedriver): sign in,
 * upload a CSV and train, watch the loss curve grow, forecast and count the plotted points, draw a track,
 * check what a FORECASTER is offered, and read the console for errors. Screenshots go to
 * target/screenshots (README's are copied from there to docs/img).
 */
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path data;

    private ConfigurableApplicationContext service;
    private WebDriver browser;
    private WebDriverWait wait;
    private String base;

    @BeforeEach
    void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "the browser tests need Debian's"
                + " chromium and chromium-driver (apt-get install -y chromium chromium-driver; .ci/run installs them):"
                + " skipped");
        service = new SpringApplicationBuilder(SeqcastApplication.class).properties(TestKeys.PROPERTIES).run(
                "--server.port=0", "--seqcast.registry.root=" + data.resolve("registry"),
                "--seqcast.training.jobs=" + data.resolve("jobs"), "--seqcast.engine.warm-up=false");
        base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1000");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aPersonTrainsFromACsvWatchesTheLossGrowAndSeesTheForecastPlotted() throws Exception {
        browser.get(base + "/");
        signIn(TestKeys.ADMIN);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page"), "No model is registered yet"));

        browser.get(base + "/ui/#/training");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-name")));
        name.clear();
        name.sendKeys("demand");
        browser.findElement(By.id("csv-file")).sendKeys(seasonalCsv(30, 300).toAbsolutePath().toString());
        browser.findElement(By.id("horizon")).sendKeys("12");
        browser.findElement(By.id("epochs")).sendKeys("60");
        browser.findElement(By.id("check-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check"), "Accepted: season 12"));
        // 30 series of 300 points are past the ensemble's cost: one network.
        assertThat(browser.findElement(By.id("check")).getText()).contains(" 1 network,");
        screenshot("training");
        browser.findElement(By.id("train-button")).click();

        // The loss curve gains points while the job runs, from the job's event stream.
        Set<Integer> seenWhileRunning = new TreeSet<>();
        Deadline.await(Duration.ofMinutes(3), "the job ends", () -> {
            String status = text(By.id("job-status"));
            if (status.contains("RUNNING")) {
                seenWhileRunning.add(points("#loss-chart polyline[data-series='train']"));
            }
            return status.contains("SUCCEEDED") || status.contains("FAILED");
        });
        assertThat(text(By.id("job-status"))).contains("SUCCEEDED");
        int finalPoints = points("#loss-chart polyline[data-series='train']");
        assertThat(seenWhileRunning).as("points seen while running").hasSizeGreaterThanOrEqualTo(2);
        assertThat(finalPoints).isGreaterThan(seenWhileRunning.iterator().next());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("job-result"), "Registered version 1"));
        screenshot("job");

        browser.get(base + "/ui/#/models/demand");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#model-detail svg")));
        screenshot("models");

        browser.get(base + "/ui/#/forecast");
        WebElement history = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("history")));
        history.sendKeys(String.join(", ", lastValues(48)));
        new Select(browser.findElement(By.id("level"))).selectByValue("80");
        browser.findElement(By.id("forecast-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#forecast-chart polyline[data-series='forecast']")));
        assertThat(points("#forecast-chart polyline[data-series='history']")).isEqualTo(48);
        // The forecast line starts at the last observed point: 12 steps ahead plus that one.
        assertThat(points("#forecast-chart polyline[data-series='forecast']")).isEqualTo(13);
        assertThat(browser.findElements(By.cssSelector("#forecast-chart polygon[data-band]"))).hasSize(1);
        assertThat(browser.findElement(By.id("download")).getAttribute("download")).isEqualTo("demand-forecast.csv");
        browser.findElement(By.id("stored-button")).click();
        wait.until(driver -> driver.findElement(By.id("history")).getDomProperty("value").split(",").length == 300);
        screenshot("forecast");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow at phone width").isLessThanOrEqualTo(0);
        screenshot("forecast-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1000));

        trainTrajectoryModel();
        browser.get(base + "/ui/#/trajectories");
        // The forecast page has a model picker too: wait for the trajectories form before using one.
        WebElement tracks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("track")));
        new Select(browser.findElement(By.cssSelector("#track-form #model"))).selectByValue("flight-track");
        tracks.sendKeys(String.join("\n", track(15, 30)));
        browser.findElement(By.id("track-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#track-chart polyline[data-series='track 1 forecast']")));
        assertThat(points("#track-chart polyline[data-series='track 1']")).isEqualTo(15);
        assertThat(points("#track-chart polyline[data-series='track 1 forecast']")).isEqualTo(6);
        screenshot("trajectories");

        submitAndAwait("/api/v1/training-jobs?model=languages&epochs=10", "text/csv",
                new String(DashboardIT.class.getResourceAsStream("/words/small-train.csv").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
        browser.get(base + "/ui/#/classify");
        new Select(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("classifier")))).selectByValue("languages");
        browser.findElement(By.id("texts")).sendKeys("bonjour\nzeitgeist\nhouse");
        browser.findElement(By.id("classify-button")).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#classifications tbody tr"), 3));
        assertThat(text(By.cssSelector("#classifications tbody tr"))).startsWith("bonjour").contains("%");
        screenshot("classify");

        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        assertThat(errors).as("console errors").isEmpty();

        browser.findElement(By.id("sign-out")).click();
        signIn(TestKeys.FORECASTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("models")));
        assertThat(browser.findElement(By.cssSelector("nav a[data-page='training']")).isDisplayed()).isFalse();
        browser.get(base + "/ui/#/training");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("models")));
        assertThat(browser.findElements(By.id("train-button"))).isEmpty();
        browser.get(base + "/ui/#/models/demand");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("model-detail")));
        assertThat(browser.findElements(By.cssSelector("[data-delete]"))).isEmpty();
        assertThat(browser.findElements(By.id("alias-form"))).isEmpty();
    }

    @Test
    void swaggerUiAuthorizesWithTheKeyAndRunsTheTrainingExample() throws Exception {
        browser.get(base + "/swagger-ui.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.authorize"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".modal-ux input"))).sendKeys(TestKeys.ADMIN);
        browser.findElement(By.cssSelector(".modal-ux .auth-btn-wrapper button.authorize")).click();
        browser.findElement(By.cssSelector(".modal-ux button.btn-done")).click();
        WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(
                ".opblock-post .opblock-summary-path[data-path='/api/v1/training-jobs']")));
        operation.click();
        WebElement block = operation.findElement(By.xpath("ancestor::div[contains(@class,'opblock-post')]"));
        block.findElement(By.cssSelector("button.try-out__btn")).click();
        WebElement mediaType = block.findElement(By.cssSelector(".body-param-content-type select"));
        new Select(mediaType).selectByValue("application/json");
        WebElement example = wait.until(ExpectedConditions.visibilityOf(block.findElement(By.cssSelector(
                ".examples-select select"))));
        new Select(example).selectByValue("sine");
        block.findElement(By.cssSelector("button.execute")).click();
        wait.until(ExpectedConditions.textToBePresentInElement(block.findElement(By.cssSelector(".responses-wrapper")),
                "Location"));
        String status = block.findElement(By.cssSelector(".live-responses-table tbody .response-col_status")).getText();
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", block.findElement(By.cssSelector(
                ".responses-wrapper")));
        screenshot("swagger-ui", false);
        assertThat(status).startsWith("202");
    }

    private void signIn(String key) {
        WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key")));
        field.sendKeys(key);
        browser.findElement(By.id("sign-in-button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav")));
    }

    /** The element's text, empty until it is on the page. */
    private String text(By locator) {
        List<WebElement> found = browser.findElements(locator);
        try {
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
            return "";
        }
    }

    /** Points of the first drawn series matching {@code css}, 0 before it is drawn. */
    private int points(String css) {
        // Read in one script: the chart is redrawn on every event, so an element found first may be gone.
        Object count = ((JavascriptExecutor) browser).executeScript(
                "const e = document.querySelector(arguments[0]); return e ? Number(e.dataset.points) : 0;", css);
        return ((Number) count).intValue();
    }

    private void screenshot(String name) throws Exception {
        screenshot(name, true);
    }

    private void screenshot(String name, boolean fromTheTop) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        if (fromTheTop) {
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        }
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static double value(int series, int t) {
        return 100 + 10 * series + 20 * Math.sin(2 * Math.PI * t / 12) + new Random(series * 1000L + t).nextGaussian() * 3;
    }

    /** Monthly seasonal series with noise, time-stamped, in one CSV. */
    private Path seasonalCsv(int series, int points) throws Exception {
        StringBuilder csv = new StringBuilder("series,time,value\n");
        for (int s = 0; s < series; s++) {
            for (int t = 0; t < points; t++) {
                csv.append(String.format(Locale.ROOT, "s%d,%d-%02d-01T00:00:00Z,%.3f%n", s, 2000 + t / 12, 1 + t % 12,
                        value(s, t)));
            }
        }
        Path file = data.resolve("demand.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static List<String> lastValues(int count) {
        List<String> values = new ArrayList<>();
        for (int t = 300 - count; t < 300; t++) {
            values.add(String.format(Locale.ROOT, "%.3f", value(0, t)));
        }
        return values;
    }

    private static List<String> track(int from, int to) {
        List<String> points = new ArrayList<>();
        for (int t = from; t < to; t++) {
            points.add(String.format(Locale.ROOT, "%.4f,%.4f", 1 + 0.31 * t, 2 + Math.sin(t * 0.3)));
        }
        return points;
    }

    private void trainTrajectoryModel() throws Exception {
        String body = """
                {"model": "flight-track", "data": {"trajectories": [{"id": "t1", "points": [%s]}]},
                 "spec": {"cell": "RNN", "hiddenSize": 8, "window": 10, "horizon": 5},
                 "training": {"epochs": 100, "validationFraction": 0.3}}""".formatted(String.join(",",
                track(0, 40).stream().map(p -> "{\"x\": " + p.split(",")[0] + ", \"y\": " + p.split(",")[1] + "}")
                        .toList()));
        submitAndAwait("/api/v1/training-jobs", "application/json", body);
    }

    /** Submits a training job over HTTP and waits for it to succeed. */
    private void submitAndAwait(String path, String type, String body) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + TestKeys.ADMIN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String location = submitted.headers().firstValue("Location").orElseThrow();
        Deadline.await(Duration.ofMinutes(2), "the job succeeds", () -> http.send(HttpRequest.newBuilder(
                URI.create(location)).header("Authorization", "Bearer " + TestKeys.ADMIN).build(),
                HttpResponse.BodyHandlers.ofString()).body().contains("\"SUCCEEDED\""));
    }
}
