package nl.samenspel.platform;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.verify.Anchor;
import nl.samenspel.verify.ExportFormat;
import nl.samenspel.verify.LogEvent;
import nl.samenspel.verify.LogVerifier;
import nl.samenspel.verify.Signatures;
import nl.samenspel.verify.Verdict;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A steering member takes the month's report away as a PDF: it names the network and the month, every indicator with
 * its status in both languages, the open alerts with what to do, the charts, and on its last page a checkpoint of the
 * log that an auditor can check with the offline verifier. The PDF is read back with PDFBox exactly as it was
 * downloaded with a browser session; its pages are saved as pictures under target/report-screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SteeringReportTest {
    static final Path PAGES = Path.of("target", "report-screenshots");

    private DemoWebPlatform demo;
    private Api.Login steeringApi;
    private String noorderkwartier;

    @BeforeAll
    void start() throws IOException {
        demo = new DemoWebPlatform();
        steeringApi = demo.bearer("steering");
        noorderkwartier = networkNamed("Zorgnetwerk Noorderkwartier");
        Files.createDirectories(PAGES);
    }

    @AfterAll
    void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aSteeringMemberTakesAwayTheReportOfTheDipMonthInEnglish() throws Exception {
        String month = firstDipMonth();
        Session steering = Session.login(demo.webPort(), "steering", demo.passwords.get("steering"));
        HttpResponse<byte[]> response = steering.get("/networks/" + noorderkwartier + "/report.pdf?month=" + month
                                                             + "&lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment")
                .contains("filename=\"samenspel-zorgnetwerk-noorderkwartier-" + month + ".pdf\"");

        Report report = Report.read(response.body(), "report-en-" + month);
        JsonNode health = demo.query("/api/networks/" + noorderkwartier + "/health/as-of?date="
                                             + YearMonth.parse(month).atEndOfMonth(), steeringApi);
        Properties en = bundle("en");
        Properties nl = bundle("nl");
        assertThat(report.text).contains("Zorgnetwerk Noorderkwartier", "Figures as of the end of " + month);
        // the phase line carries a status only when it is not in order
        String phaseStatus = health.path("indicators").path("H17").path("status").asText();
        assertThat(report.flat.contains(flat(en.getProperty("status." + phaseStatus) + " Phase: ")))
                .as("a status before the phase line in " + phaseStatus).isEqualTo(!phaseStatus.equals("OK"));
        for (int i = 1; i <= 16; i++) {
            String id = "H" + i;
            String status = health.get("indicators").get(id).get("status").asText();
            assertThat(report.flat).as(id).contains(flat(en.getProperty("indicator." + id + ".name")));
            // The status in the report's language and in the other one, e.g. "Action needed / Actie nodig".
            assertThat(report.flat).as(id + " " + status)
                    .contains(flat(en.getProperty("status." + status) + " / " + nl.getProperty("status." + status)));
        }
        JsonNode alerts = health.get("alerts");
        assertThat(alerts).as("the dip month has open alerts").isNotEmpty();
        for (JsonNode alert : alerts) {
            assertThat(report.flat).contains(flat(Bundles.alertTitle(alert, en, alert.get("title").asText())),
                                             flat(alert.get("suggestedResponse").asText()));
        }
        assertThat(report.flat).contains(flat(en.getProperty("chart.dip.title")), flat(en.getProperty("chart.give.title")),
                                         flat(en.getProperty("chart.capitals.title")),
                                         flat(en.getProperty("report.checkpoint.title")));
        // the dashboard's other charts, as their figures: the figure eight had data the report left out
        assertThat(report.flat).contains(flat(en.getProperty("chart.eight.title")),
                                         flat(en.getProperty("chart.conditions.title")),
                                         flat(en.getProperty("chart.thermo.title")),
                                         flat(en.getProperty("chart.learning.title")));
        long closed = health.path("indicators").path("H10").path("figures").path("closedCells").asLong();
        assertThat(closed).as("the figure eight of the month has closed cells").isPositive();
        assertThat(report.flat).as("the grid's cells in words").contains(flat(en.getProperty("chart.eight.closed")));
        assertThat(report.text).as("the phase is named on the dip curve, not only shaded").contains("In a dip");

        Anchor printed = report.checkpoint();
        assertThat(report.lastPage).contains(printed.hash(), printed.network(), "--receipt");
        // The command runs on the file the integrity page's download saves, named as that download names it
        Session auditor = Session.login(demo.webPort(), "auditor", demo.passwords.get("auditor"));
        HttpResponse<byte[]> download = auditor.get("/networks/" + noorderkwartier + "/audit/export.jsonl");
        assertThat(download.statusCode()).isEqualTo(200);
        String saved = download.headers().firstValue("Content-Disposition").orElseThrow().replaceAll(".*filename=\"([^\"]+)\".*", "$1");
        assertThat(report.flat.replace(" ", "")).as("the report's command names the downloaded file")
                                                .contains("samenspel-verify.jar" + saved + "--public-key");
        // each argument whole on its line: "samenspel-" and "key.pem" on two lines were copied as another name
        assertThat(report.lastPage).containsPattern("samenspel-verify\\.jar\\s+" + Pattern.quote(saved)
                + "\\s+--public-key\\s+samenspel-key\\.pem\\s+--receipt\\s+checkpoint-" + noorderkwartier + "-\\d+\\.jsonl");
        assertThat(flat(report.lastPage)).as("the outcome first, in words a steering member reads")
                .contains(flat(en.getProperty("report.checkpoint.verdict").replace("{0}", String.valueOf(printed.sequence()))));
        assertThat(printed.network()).isEqualTo(noorderkwartier);
        assertThat(report.attachments.get("checkpoint-" + noorderkwartier + "-" + printed.sequence() + ".jsonl"))
                .as("the attached receipt is the printed line").isEqualTo(ExportFormat.anchor(printed) + "\n");
        verifiesAgainstTheLog(noorderkwartier, printed, report);
        assertThat(report.language).isEqualTo("en");
        assertThat(report.tags).contains("Figure: " + java.text.MessageFormat.format(en.getProperty("report.chart.alt"),
                                                                                    en.getProperty("chart.give.title")));
    }

    /**
     * A steering member, who may not read the log, asking for its download gets the page that says so (403), not a
     * 500 saved as {@code network-….jsonl}: the download had opened its stream before the service refused.
     */
    @Test
    void theLogDownloadRefusesASteeringMemberWithAPageNotABrokenFile() throws Exception {
        Session steering = Session.login(demo.webPort(), "steering", demo.passwords.get("steering"));
        HttpResponse<byte[]> download = steering.get("/networks/" + noorderkwartier + "/audit/export.jsonl");
        assertThat(download.statusCode()).isEqualTo(403);
        assertThat(download.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(new String(download.body(), StandardCharsets.UTF_8)).contains("data-reason=\"forbidden\"");
        // Nor are the audit workspace's tabs theirs, typed as an address: they led to downloads and tabs refused
        for (String tab : List.of("integrity", "compare", "history")) {
            HttpResponse<byte[]> page = steering.get("/networks/" + noorderkwartier + "/audit/" + tab);
            assertThat(page.statusCode()).as(tab).isEqualTo(403);
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).as(tab).contains("data-reason=\"forbidden\"")
                                                                       .doesNotContain("export.jsonl");
        }
    }

    @Test
    void aDutchSteeringMemberGetsTheReportOfTheCurrentMonthInDutch() throws Exception {
        Session steering = Session.login(demo.webPort(), "steering", demo.passwords.get("steering"));
        steering.get("/?lang=nl");
        HttpResponse<byte[]> response = steering.get("/networks/" + noorderkwartier + "/report.pdf");
        assertThat(response.statusCode()).isEqualTo(200);
        Report report = Report.read(response.body(), "report-nl-current");
        JsonNode health = demo.query("/api/networks/" + noorderkwartier + "/health", steeringApi);
        Properties en = bundle("en");
        Properties nl = bundle("nl");
        assertThat(report.flat).contains("Zorgnetwerk Noorderkwartier",
                                         flat("Cijfers over " + health.get("month").asText() + ", de lopende maand"));
        for (int i = 1; i <= 16; i++) {
            String id = "H" + i;
            String status = health.get("indicators").get(id).get("status").asText();
            assertThat(report.flat).as(id).contains(flat(nl.getProperty("indicator." + id + ".name")));
            assertThat(report.flat).as(id + " " + status)
                    .contains(flat(nl.getProperty("status." + status) + " / " + en.getProperty("status." + status)));
        }
        // What a value counts stands under it, where the name alone does not say (a concentration is the risk).
        assertThat(report.flat).contains(flat(nl.getProperty("tile.figure.H11")), flat(nl.getProperty("tile.figure.H5")));
        // The phase the coordinator confirmed beside the one the log suggests, with the rule that chose it.
        JsonNode phase = health.get("indicators").get("H17").get("figures");
        assertThat(report.flat).contains(flat("Fase: "), flat(", bevestigd op " + phase.get("confirmedOn").asText()),
                                         flat(Bundles.dutchPhaseRule(phase)));
        // The give-and-take chart keeps a partner's rating whole beside its name (the table below it has no brackets).
        assertThat(report.flat).contains("aanvaardbaar)");
        for (JsonNode alert : health.get("alerts")) {
            String id = alert.get("id").asText();
            // a missing ingredient says what helps for the ingredients missing, not for all four
            String whatToDo = nl.getProperty("alert." + id + ".response");
            for (JsonNode reason : alert.path("reasons")) {
                if (id.equals("A8") && reason.path("code").asText().equals("missing")) {
                    List<String> helps = new ArrayList<>();
                    for (String label : reason.path("args").get(1).asText().split("\\|")) {
                        helps.add(nl.getProperty("alert.A8.response." + label.replace("@ingredient.", "")));
                    }
                    whatToDo = String.join(" ", helps);
                }
            }
            assertThat(report.flat).contains(flat(Bundles.alertTitle(alert, nl, nl.getProperty("alert." + id + ".title"))),
                                             flat(whatToDo));
        }
        assertThat(report.flat).contains(flat(nl.getProperty("chart.dip.title")), flat(nl.getProperty("chart.give.title")),
                                         flat(nl.getProperty("chart.capitals.title")), "€");
        // A tagged PDF in the report's language: a screen reader reads its headings, tables and charts as such
        assertThat(report.language).isEqualTo("nl");
        assertThat(report.tags).contains("H1", "H2", "Table", "TH", "TD",
                                         "Figure: " + java.text.MessageFormat.format(nl.getProperty("report.chart.alt"),
                                                                                      nl.getProperty("chart.dip.title")));
        verifiesAgainstTheLog(noorderkwartier, report.checkpoint(), report);
    }

    @Test
    void aNetworkWithNoGiveAndTakeThisYearGetsAReportThatSaysSoInsteadOfAnEmptyChart() throws Exception {
        String leerwerkverbond = networkNamed("Leerwerkverbond West");
        JsonNode ledger = demo.query("/api/networks/" + leerwerkverbond + "/health", steeringApi)
                              .path("indicators").path("H4").path("figures").path("ledger");
        assertThat(ledger.size()).as("the demo network logged no contributions in the last twelve months").isZero();
        Session steering = Session.login(demo.webPort(), "steering", demo.passwords.get("steering"));
        HttpResponse<byte[]> response = steering.get("/networks/" + leerwerkverbond + "/report.pdf?lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        Report report = Report.read(response.body(), "report-en-leerwerkverbond-current");
        Properties en = bundle("en");
        assertThat(report.flat).contains("Leerwerkverbond West",
                                         flat(en.getProperty("chart.give.title") + " " + en.getProperty("chart.give.empty")),
                                         flat(en.getProperty("chart.dip.title")));
        // Its energy fell far below the dip line without a dip: the report says what else a dip takes.
        JsonNode energy = demo.query("/api/networks/" + leerwerkverbond + "/health", steeringApi)
                              .path("indicators").path("H5").path("figures");
        if (energy.path("ratio").asDouble() <= energy.path("dipEnergyRatio").asDouble()
                && !"in-dip".equals(energy.path("phase").asText())) {
            assertThat(report.flat).contains(flat("but a dip also takes " + energy.path("dipRiskNeeded").asInt()
                                                  + " active dip drivers"));
        }
        verifiesAgainstTheLog(leerwerkverbond, report.checkpoint(), report);
    }

    /**
     * A month with no figures (before the network, in the future, mistyped in the address) gets the current month's
     * report, and the report says so at its top, in the report's language: it said nothing, so a report asked for
     * 2019-03 read as if it were that month's until one looked at its month line.
     */
    @Test
    void aReportAskedForAMonthWithoutFiguresSaysWhichMonthItShows() throws Exception {
        Session steering = Session.login(demo.webPort(), "steering", demo.passwords.get("steering"));
        String current = demo.query("/api/networks/" + noorderkwartier + "/health", steeringApi).get("month").asText();
        for (String lang : List.of("en", "nl")) {
            HttpResponse<byte[]> response = steering.get("/networks/" + noorderkwartier + "/report.pdf?month=1999-03&lang="
                                                                 + lang);
            assertThat(response.statusCode()).isEqualTo(200);
            Report report = Report.read(response.body(), "report-" + lang + "-month-without-figures");
            String said = bundle(lang).getProperty("report.month.notShown").replace("{0}", "1999-03")
                                      .replace("{1}", current);
            // compared without spaces: the PDF may break the line after the hyphen of "2026-03"
            assertThat(report.flat.replace(" ", "")).as(lang).contains(said.replace(" ", ""));
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("-" + current + ".pdf");
        }
        HttpResponse<byte[]> asked = steering.get("/networks/" + noorderkwartier + "/report.pdf?month=" + current
                                                          + "&lang=en");
        assertThat(Report.read(asked.body(), "report-en-asked-current").flat)
                .as("a month with figures gets no note").doesNotContain(flat("There are no figures"));
    }

    /**
     * The report says for each indicator how it stands against the month before, as the dashboard's tiles do, or
     * against a month the reader chose on the dashboard, with its figure then: a steering group took a report of
     * where things stand without what changed.
     */
    @Test
    void theReportComparesEachIndicatorWithTheMonthTheDashboardComparedItWith() throws Exception {
        Session steering = Session.login(demo.webPort(), "steering", demo.passwords.get("steering"));
        JsonNode timeline = demo.query("/api/networks/" + noorderkwartier + "/health/timeline", steeringApi);
        String month = timeline.get(timeline.size() - 2).get("month").asText();
        String then = timeline.get(timeline.size() - 14).get("month").asText();
        HttpResponse<byte[]> response = steering.get("/networks/" + noorderkwartier + "/report.pdf?month=" + month
                                                     + "&against=" + then + "&lang=en");
        assertThat(response.statusCode()).isEqualTo(200);
        Report report = Report.read(response.body(), "report-en-compared");
        // compared without spaces: the PDF may break a line in a narrow column, after the hyphen of "2026-03" too
        String unspaced = report.flat.replace(" ", "");
        assertThat(unspaced).contains("Eachindicatoriscomparedwith" + then + ".");
        // every indicator with figures in both months says how it stood then (the month, kept whole on its line, is
        // read out of the PDF after the words around it)
        java.util.regex.Matcher said = Pattern.compile("(Samestatusasin|Betterthanin|Worsethanin)").matcher(unspaced);
        int compared = 0;
        while (said.find()) {
            compared++;
        }
        assertThat(compared).as("indicators compared with " + then).isGreaterThan(8);
        // in Dutch as many, in Dutch words
        HttpResponse<byte[]> dutch = steering.get("/networks/" + noorderkwartier + "/report.pdf?month=" + month
                                                  + "&against=" + then + "&lang=nl");
        String unspacedNl = Report.read(dutch.body(), "report-nl-compared").flat.replace(" ", "");
        assertThat(unspacedNl).contains("Elkeindicatorwordtvergelekenmet" + then + ".");
        java.util.regex.Matcher saidNl = Pattern.compile("(Zelfdestatusalsin|Beterdanin|Slechterdanin)").matcher(unspacedNl);
        int comparedNl = 0;
        while (saidNl.find()) {
            comparedNl++;
        }
        assertThat(comparedNl).as("indicators compared with " + then + " in Dutch").isEqualTo(compared);
        HttpResponse<byte[]> plain = steering.get("/networks/" + noorderkwartier + "/report.pdf?month=" + month
                                                  + "&lang=en");
        String flat = Report.read(plain.body(), "report-en-month-before").flat;
        assertThat(flat).doesNotContain("Each indicator is compared with").doesNotContain("Same status as");
    }

    @Test
    void theReportOfANetworkWithoutARoleIsRefused() throws Exception {
        Session steering = Session.login(demo.webPort(), "steering", demo.passwords.get("steering"));
        HttpResponse<byte[]> response = steering.get("/networks/" + demo.otherNetwork + "/report.pdf");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).doesNotContain("pdf");
    }

    @Test
    void theDashboardOffersTheReportOfTheMonthShown() {
        String month = firstDipMonth();
        try (Browser browser = new Browser(demo.webPort())) {
            browser.login("steering", demo.passwords.get("steering"));
            browser.await("[data-test=network-link]");
            browser.open("/networks/" + noorderkwartier + "?month=" + month + "&lang=en");
            WebElement link = browser.await("[data-test=report-pdf]");
            assertThat(link.getText()).isEqualTo("Report (PDF)");
            assertThat(link.getDomAttribute("href"))
                    .isEqualTo("/networks/" + noorderkwartier + "/report.pdf?month=" + month);
            browser.screenshot("dashboard-report-link-en-1400");
            // compared with a month of the reader's choosing, the report is too
            String then = YearMonth.parse(month).minusMonths(3).toString();
            browser.open("/networks/" + noorderkwartier + "?month=" + month + "&against=" + then + "&lang=en");
            assertThat(browser.await("[data-test=report-pdf]").getDomAttribute("href"))
                    .isEqualTo("/networks/" + noorderkwartier + "/report.pdf?month=" + month + "&against=" + then);
        }
    }

    /**
     * The printed checkpoint is signed by the platform's published key, and the log as an auditor exports it extends
     * it: the verifier, given the export and the report's checkpoint as a receipt, finds the log intact.
     */
    private void verifiesAgainstTheLog(String network, Anchor printed, Report report) throws IOException {
        JsonNode key = demo.query("/api/checkpoint-key", steeringApi);
        PublicKey publicKey = Signatures.publicKey(key.get("pem").asText());
        assertThat(Signatures.verify(publicKey, printed)).as("the printed signature verifies").isTrue();
        assertThat(report.attachments.get("samenspel-key.pem")).isEqualTo(key.get("pem").asText());
        String fingerprint = key.get("fingerprint").asText().replace("SHA-256:", "");
        assertThat(report.flat.replace(" ", "")).contains(fingerprint);

        assertThat(printed.network()).isEqualTo(network);
        // The moment it was made is written as every page writes a moment, in the pages' zone, named; not to the
        // nanosecond in UTC, nor in another clock than the pages'
        ZoneId zone = ZoneId.of("Europe/Amsterdam");
        String moment = LocalDateTime.ofInstant(Instant.parse(printed.time()), zone)
                                     .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        Locale language = report.flat.contains("Gemaakt op") ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
        assertThat(report.flat).contains(flat(moment + " (" + zone.getDisplayName(TextStyle.FULL, language) + ")"));
        Api.Response export = Api.get(demo.platform.queryPort(), "/api/networks/" + network + "/export",
                                      demo.bearer("auditor"));
        assertThat(export.status()).isEqualTo(200);
        LogVerifier verifier = new LogVerifier(network, publicKey);
        String headHashAtSequence = null;
        for (String line : export.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            Object read = ExportFormat.read(line);
            if (read instanceof LogEvent event) {
                verifier.event(event);
                if (event.sequenceNumber() == printed.sequence()) {
                    headHashAtSequence = event.hash();
                }
            } else if (read instanceof Anchor anchor) {
                verifier.anchor(anchor);
            }
        }
        assertThat(headHashAtSequence).as("the log's hash at the printed sequence").isEqualTo(printed.hash());
        verifier.anchor(printed);
        Verdict verdict = verifier.verdict();
        assertThat(verdict.intact()).as(String.valueOf(verdict)).isTrue();
    }

    private String networkNamed(String name) {
        for (JsonNode network : demo.query("/api/networks", steeringApi)) {
            if (network.get("name").asText().equals(name)) {
                return network.get("networkId").asText();
            }
        }
        throw new IllegalStateException("no demo network " + name);
    }

    private String firstDipMonth() {
        for (JsonNode month : demo.query("/api/networks/" + noorderkwartier + "/health/dip", steeringApi)) {
            if ("in-dip".equals(month.path("H5").path("figures").path("phase").asText())) {
                return month.get("month").asText();
            }
        }
        throw new IllegalStateException("the demo network has no dip month");
    }

    private static Properties bundle(String language) {
        return Bundles.of("messages_" + language);
    }

    /** Text with every run of white space as one space: a PDF breaks lines where the page is full. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    /** A downloaded report: its text (all pages, the last page alone), its attachments, and its pages as pictures. */
    record Report(String text, String flat, String lastPage, Map<String, String> attachments, String language,
                  List<String> tags) {
        private static final Pattern LINE = Pattern.compile("(\\{\"kind\":\"checkpoint\".*?\"signature\":\"[^\"]+\"\\})",
                                                            Pattern.DOTALL);

        static Report read(byte[] pdf, String name) throws IOException {
            try (var old = Files.list(PAGES)) {
                // Pages of an earlier, longer report of the same name would otherwise be taken for this one's.
                for (Path file : old.filter(f -> f.getFileName().toString().startsWith(name + "-page")).toList()) {
                    Files.delete(file);
                }
            }
            Files.write(PAGES.resolve(name + ".pdf"), pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isGreaterThanOrEqualTo(3);
                PDFTextStripper stripper = new PDFTextStripper();
                String text = stripper.getText(document);
                stripper.setStartPage(document.getNumberOfPages());
                String last = stripper.getText(document);
                PDFRenderer renderer = new PDFRenderer(document);
                List<Double> filled = new ArrayList<>();
                for (int page = 0; page < document.getNumberOfPages(); page++) {
                    BufferedImage picture = renderer.renderImageWithDPI(page, 80, ImageType.RGB);
                    ImageIO.write(picture, "png", PAGES.resolve(name + "-page" + (page + 1) + ".png").toFile());
                    filled.add(filled(picture));
                }
                // No page left nearly empty in the middle of the report (one alert, then the charts on the next page):
                // only the last chart page before the checkpoint's page, and that page, may end high.
                assertThat(filled).hasSizeGreaterThan(2);
                assertThat(filled.subList(0, filled.size() - 2)).as("how far down each page of " + name + " is filled")
                                                                .allSatisfy(f -> assertThat(f).isGreaterThan(0.25));
                assertThat(text).as("every label is in the bundles").doesNotContain("??");
                List<String> tags = new ArrayList<>();
                if (document.getDocumentCatalog().getStructureTreeRoot() != null) {
                    tags(document.getDocumentCatalog().getStructureTreeRoot(), tags);
                }
                return new Report(text, SteeringReportTest.flat(text), last, attachments(document),
                                  document.getDocumentCatalog().getLanguage(), tags);
            }
        }

        /** The structure types of a tagged PDF in reading order, a figure with its alternative text. */
        private static void tags(org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode node,
                                 List<String> into) {
            for (Object kid : node.getKids()) {
                if (kid instanceof org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement e) {
                    into.add(e.getAlternateDescription() == null ? e.getStructureType()
                                     : e.getStructureType() + ": " + e.getAlternateDescription());
                    tags(e, into);
                }
            }
        }

        /** How far down a page its content reaches, as a share of the page above its footer line. */
        private static double filled(BufferedImage page) {
            int footer = (int) (page.getHeight() * 0.93);
            for (int y = footer - 1; y >= 0; y--) {
                for (int x = 0; x < page.getWidth(); x++) {
                    int rgb = page.getRGB(x, y);
                    if (((rgb >> 16) & 0xff) < 200 || ((rgb >> 8) & 0xff) < 200 || (rgb & 0xff) < 200) {
                        return (double) y / footer;
                    }
                }
            }
            return 0;
        }

        /** The checkpoint as printed: the receipt line, shown broken after each member, joined again. */
        Anchor checkpoint() {
            Matcher line = LINE.matcher(lastPage);
            assertThat(line.find()).as("the last page prints the checkpoint line").isTrue();
            Object read = ExportFormat.read(line.group(1).replaceAll("\\R", ""));
            assertThat(read).isInstanceOf(Anchor.class);
            return (Anchor) read;
        }

        private static Map<String, String> attachments(PDDocument document) throws IOException {
            Map<String, String> files = new HashMap<>();
            PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
            PDEmbeddedFilesNameTreeNode tree = names == null ? null : names.getEmbeddedFiles();
            if (tree != null && tree.getNames() != null) {
                for (Map.Entry<String, PDComplexFileSpecification> file : tree.getNames().entrySet()) {
                    files.put(file.getKey(), new String(file.getValue().getEmbeddedFile().toByteArray(),
                                                        StandardCharsets.UTF_8));
                }
            }
            return files;
        }
    }

    /** A browser session without a browser: the login form posted with its CSRF token, the session kept in a cookie. */
    record Session(HttpClient http, String base) {
        static Session login(int port, String username, String password) throws Exception {
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                                        .followRedirects(HttpClient.Redirect.NEVER).build();
            Session session = new Session(http, "http://127.0.0.1:" + port);
            String form = new String(session.get("/login").body(), StandardCharsets.UTF_8);
            Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
            String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                    + encode(csrf.group(1));
            HttpResponse<byte[]> posted = http.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                                                               .header("Content-Type", "application/x-www-form-urlencoded")
                                                               .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(posted.statusCode()).isEqualTo(302);
            assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("error");
            return session;
        }

        HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en").GET().build(),
                             HttpResponse.BodyHandlers.ofByteArray());
        }

        /** A form posted as the browser posts it from the page {@code from} (null: none said), no redirect followed. */
        HttpResponse<byte[]> post(String path, String form, String from) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                                                     .header("Content-Type", "application/x-www-form-urlencoded");
            if (from != null) {
                request.header("Referer", from);
            }
            return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                             HttpResponse.BodyHandlers.ofByteArray());
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
