package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;

/**
 * Measures how long the dashboard of the largest demo network takes in a real headless Chromium, from asking for the
 * page until every chart is drawn, over 20 loads after 3 warm-up loads; prints p50 and p95 next to the same figures
 * for the API calls the page makes (the baseline, measured in the same run). Target: p95 within 1 s.
 *
 * <p>It is a program, not a test: {@code mvn -q -pl platform -am test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=nl.samenspel.platform.DashboardLoadBenchmark} (with {@code -o} when dependencies are present).
 */
public final class DashboardLoadBenchmark {
    private static final int WARM_UP = 3;
    private static final int LOADS = 20;

    private DashboardLoadBenchmark() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        try (DemoWebPlatform demo = new DemoWebPlatform(); Browser browser = new Browser(demo.webPort())) {
            System.out.printf("Platform with the four demo networks ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            Api.Login api = demo.bearer("steering");
            String largest = null;
            String name = null;
            int mostMonthsTimesPartners = -1;
            for (JsonNode network : demo.query("/api/networks", api)) {
                String id = network.get("networkId").asText();
                int size = demo.query("/api/networks/" + id + "/health/dip", api).size()
                        * Math.max(1, network.path("activePartners").asInt());
                if (size > mostMonthsTimesPartners) {
                    mostMonthsTimesPartners = size;
                    largest = id;
                    name = network.get("name").asText();
                }
            }
            browser.login("steering", demo.passwords.get("steering"));
            browser.await("[data-test=logout]");

            double[] page = new double[LOADS];
            double[] apiOnly = new double[LOADS];
            for (int i = -WARM_UP; i < LOADS; i++) {
                long t0 = System.nanoTime();
                browser.open("/networks/" + largest);
                browser.awaitCharts();
                long t1 = System.nanoTime();
                for (String path : List.of("", "/health", "/health/dip", "/health/alerts")) {
                    demo.query("/api/networks/" + largest + path, api);
                }
                long t2 = System.nanoTime();
                if (i >= 0) {
                    page[i] = (t1 - t0) / 1e6;
                    apiOnly[i] = (t2 - t1) / 1e6;
                }
            }
            int charts = ((Number) browser.js("return document.querySelectorAll('[data-chart]').length;")).intValue();
            System.out.printf("Dashboard of %s (largest demo network), %d loads after %d warm-up, %d charts drawn each time%n",
                              name, LOADS, WARM_UP, charts);
            System.out.printf("  page until all charts drawn: p50 %6.0f ms   p95 %6.0f ms   (target p95 <= 1000 ms)%n",
                              percentile(page, 50), percentile(page, 95));
            System.out.printf("  baseline, its 4 API calls in sequence: p50 %6.0f ms   p95 %6.0f ms%n",
                              percentile(apiOnly, 50), percentile(apiOnly, 95));
            System.out.printf("  ratio page / API calls (p50): %.2f%n", percentile(page, 50) / percentile(apiOnly, 50));
            System.out.println(percentile(page, 95) <= 1000 ? "RESULT: within target" : "RESULT: over target");
        }
        System.exit(0);
    }

    /** Nearest-rank percentile. */
    static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
