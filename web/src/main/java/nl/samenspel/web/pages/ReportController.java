package nl.samenspel.web.pages;

import nl.samenspel.verify.Anchor;
import nl.samenspel.verify.ExportFormat;
import nl.samenspel.verify.Signatures;
import nl.samenspel.web.WebProperties;
import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.api.SamenspelClient.AlertEpisode;
import nl.samenspel.web.api.SamenspelClient.CheckpointKey;
import nl.samenspel.web.api.SamenspelClient.CurrentCheckpoint;
import nl.samenspel.web.api.SamenspelClient.DipMonth;
import nl.samenspel.web.api.SamenspelClient.MonthHealth;
import nl.samenspel.web.report.PdfRenderer;
import nl.samenspel.web.security.SignedIn;
import org.jfree.chart.JFreeChart;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

import static nl.samenspel.web.pages.PageSupport.async;
import static nl.samenspel.web.pages.PageSupport.join;

/**
 * The steering report of one month as a PDF (stuurrapport): the network and month, the sixteen indicators with their
 * status in both languages, the open alerts with what to do, the dip curve, give and take and the three capitals, and
 * on its last page the signed checkpoint of the log at the moment the report was made. A report handed to a steering
 * group is so also a witness an auditor can hold against the log later. Who may see the dashboard may ask for it.
 */
@Controller
public class ReportController {
    private static final MediaType PDF = MediaType.APPLICATION_PDF;
    private static final String PUBLIC_KEY_FILE = "samenspel-key.pem";

    private final SamenspelClient client;
    private final ExecutorService pool;
    private final MessageSource messages;
    private final ITemplateEngine templates;
    /** The pages' time zone: the report says its moments in it, as every page does. */
    private final ZoneId zone;

    public ReportController(SamenspelClient client, ExecutorService serviceCalls, MessageSource messages,
                            ITemplateEngine templates, WebProperties properties) {
        this.client = client;
        this.pool = serviceCalls;
        this.messages = messages;
        this.templates = templates;
        this.zone = properties.zone();
    }

    @GetMapping("/networks/{networkId}/report.pdf")
    public ResponseEntity<byte[]> report(@PathVariable UUID networkId, @RequestParam(required = false) String month,
                                         @RequestParam(required = false) String against,
                                         @AuthenticationPrincipal SignedIn user, Locale locale) {
        Words words = new Words(messages, locale);
        String token = user.token();
        YearMonth picked = PageSupport.pickedMonth(month);
        CompletableFuture<SamenspelClient.Network> network = async(pool, () -> client.network(token, networkId));
        CompletableFuture<List<DipMonth>> dip = async(pool, () -> client.dipSeries(token, networkId));
        CompletableFuture<List<AlertEpisode>> episodes = async(pool, () -> client.alerts(token, networkId));
        CompletableFuture<MonthHealth> current = async(pool, () -> client.currentHealth(token, networkId));
        // every month's statuses: each indicator says how it stands against the month before, or one chosen
        CompletableFuture<List<MonthHealth>> timeline = async(pool, () -> client.timeline(token, networkId));
        CompletableFuture<MonthHealth> asOf = picked == null || picked.equals(YearMonth.now()) ? null
                : async(pool, () -> client.healthAsOf(token, networkId, picked.atEndOfMonth()));
        CompletableFuture<CheckpointKey> key = async(pool, () -> client.checkpointKey(token));
        SamenspelClient.Network shown = join(network);
        // Signed after the figures were asked for, so the checkpoint covers at least the log they were computed from.
        CompletableFuture<CurrentCheckpoint> checkpoint = async(pool, () -> client.checkpointNow(token, networkId));

        List<MonthHealth> dipMonths = join(dip).stream().map(DipMonth::asMonth).toList();
        MonthHealth now = join(current);
        List<String> months = dipMonths.stream().map(MonthHealth::month).toList();
        boolean isCurrent = PageSupport.showsCurrent(picked, months, now);
        MonthHealth selected = isCurrent ? now
                : asOf != null ? join(asOf) : client.healthAsOf(token, networkId, picked.atEndOfMonth());
        String selectedMonth = selected.month();
        List<MonthHealth> upTo = dipMonths.stream().filter(m -> m.month().compareTo(selectedMonth) <= 0).toList();
        String base = "/networks/" + networkId;

        Charts.Chart dipChart = Charts.dip(upTo, words);
        Charts.Chart giveChart = Charts.giveAndTake(selected.indicator("H4"), words);
        Charts.Chart capitalsChart = Charts.capitals(selected.indicator("H12"), words);
        Map<String, JFreeChart> drawn = new LinkedHashMap<>();
        if (!dipChart.empty()) {
            drawn.put("dip", ReportCharts.dip(dipChart, words));
        }
        if (!giveChart.empty()) {
            drawn.put("give", ReportCharts.giveAndTake(giveChart, words));
        }
        if (!capitalsChart.empty()) {
            drawn.put("capitals", ReportCharts.capitals(capitalsChart, words));
        }

        Witness witness = witness(join(checkpoint), join(key));
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("otherLang", locale.getLanguage().equals("nl") ? "en" : "nl");
        context.setVariable("network", shown);
        context.setVariable("selectedMonth", selectedMonth);
        context.setVariable("isCurrent", isCurrent);
        context.setVariable("monthNotShown", PageSupport.monthNotShown(month, picked, selectedMonth, words,
                                                                           "report.month.notShown"));
        context.setVariable("asOf", selected.asOf());
        context.setVariable("madeAt", witness.madeAt(zone));
        context.setVariable("zone", Moments.zoneName(zone));
        Tiles.Against comparedWith = Tiles.Against.of(join(timeline), selectedMonth, against, words);
        context.setVariable("rows", comparedWith.tiles(selected, words, base + "/explain").stream()
                                                .map(tile -> new Row(tile, words.other("status." + tile.shown())))
                                                .toList());
        context.setVariable("against", comparedWith.chosenMonth());
        context.setVariable("againstNotShown", comparedWith.notShown());
        context.setVariable("phase", PhaseLine.of(selected, words, base + "/explain"));
        context.setVariable("alerts", Alerts.of(join(episodes), selected, words, base + "/explain").open());
        context.setVariable("severities", severities(words));
        // the dashboard's other charts as their figures in a table: the figure eight and the learning climate had
        // data the report left out
        context.setVariable("charts", List.of(dipChart, giveChart, capitalsChart,
                                              Charts.conditions(selected.indicator("H1"), words),
                                              Charts.figureEight(selected.indicator("H10"), words),
                                              Charts.thermometer(selected.indicator("H13"), words),
                                              Charts.learning(selected.indicator("H16"), words)));
        context.setVariable("drawn", drawn.keySet());
        context.setVariable("chartHeights", Map.of("dip", 540, "give", ReportCharts.giveAndTakeHeight(giveChart),
                                                   "capitals", 240));
        context.setVariable("witness", witness);
        String xhtml = templates.process("report", context);

        List<PdfRenderer.Attachment> attachments = new ArrayList<>();
        if (witness.line() != null) {
            attachments.add(new PdfRenderer.Attachment(witness.fileName(), "application/jsonl",
                                                       words.get("report.checkpoint.attachment"),
                                                       (witness.line() + "\n").getBytes(StandardCharsets.UTF_8)));
            attachments.add(new PdfRenderer.Attachment(PUBLIC_KEY_FILE, "application/x-pem-file",
                                                       words.get("report.checkpoint.keyAttachment"),
                                                       witness.pem().getBytes(StandardCharsets.UTF_8)));
        }
        byte[] pdf = PdfRenderer.render(xhtml, drawn, attachments);
        String fileName = "samenspel-" + slug(shown.name()) + "-" + selectedMonth + ".pdf";
        return ResponseEntity.ok()
                             .contentType(PDF)
                             .header(HttpHeaders.CONTENT_DISPOSITION,
                                     // the name is plain ASCII (a slug): with a charset it went out encoded as
                                     // "=?UTF-8?Q?…?=", which curl -OJ and other clients saved as the file's name
                                     ContentDisposition.attachment().filename(fileName)
                                                       .build().toString())
                             .body(pdf);
    }

    /** One line of the indicator table: the tile's figures with the status named in both languages. */
    record Row(Tiles.Tile tile, String otherStatusWord) {
    }

    /** Each severity's word in the report's language and in the other one. */
    private static Map<String, String> severities(Words words) {
        Map<String, String> both = new LinkedHashMap<>();
        for (String severity : List.of("CRITICAL", "WARNING", "INFO")) {
            both.put(severity, words.severity(severity) + " / " + words.other("severity." + severity));
        }
        return both;
    }

    /**
     * The checkpoint as the report prints it: each field, and the exact line the verifiers read as a receipt, written
     * by the verifier's own code; its signature checked against the published key before it is printed.
     */
    record Witness(boolean intact, Long brokenAtSequence, String breakKind, CheckpointKeyView key,
                   SamenspelClient.Checkpoint checkpoint, boolean signatureVerified, String line, String fileName) {
        public String pem() {
            return key.pem();
        }

        /** When the report was made (its checkpoint was signed), as the pages write a moment, in {@code zone}. */
        public String madeAt(ZoneId zone) {
            return Moments.local(checkpoint == null ? Instant.now().toString() : checkpoint.time(), zone);
        }

        /** The signature in lines of 44 characters, so it can be read aloud and compared in halves. */
        public List<String> signatureLines() {
            return chunks(checkpoint.signature(), 44);
        }

        /** The receipt line broken after each member, for print; joined without the breaks it is the line again. */
        public List<String> lineParts() {
            return List.of(line.replace(",\"", ",\n\"").split("\n"));
        }

        public String fingerprintSpaced() {
            return spacedFingerprint(key.fingerprint());
        }
    }

    /**
     * A key's fingerprint ("SHA-256:a80d7083…") as its hex in groups of four ("a80d 7083 …"), as the report and the
     * integrity page print it, so the two can be compared by eye.
     */
    static String spacedFingerprint(String fingerprint) {
        return String.join(" ", chunks(fingerprint.replaceFirst("^SHA-256:", ""), 4));
    }

    record CheckpointKeyView(String fingerprint, String pem) {
    }

    private static Witness witness(CurrentCheckpoint current, CheckpointKey key) {
        CheckpointKeyView keyView = new CheckpointKeyView(key.fingerprint(), key.pem());
        SamenspelClient.Checkpoint c = current.checkpoint();
        if (!current.intact() || c == null) {
            return new Witness(false, current.brokenAtSequence(), current.breakKind(), keyView, null, false, null,
                               null);
        }
        Anchor anchor = new Anchor(c.kind(), c.network(), c.sequence(), c.hash(), c.time(), c.signature());
        boolean verified = Signatures.verify(Signatures.publicKey(key.pem()), anchor);
        return new Witness(true, null, null, keyView, c, verified, ExportFormat.anchor(anchor),
                           "checkpoint-" + c.network() + "-" + c.sequence() + ".jsonl");
    }

    private static List<String> chunks(String text, int size) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += size) {
            parts.add(text.substring(i, Math.min(text.length(), i + size)));
        }
        return parts;
    }

    /** A file name from the network's name: letters and digits only, accents dropped ("Zorgnetwerk Noorderkwartier"). */
    static String slug(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "network" : slug.length() > 60 ? slug.substring(0, 60) : slug;
    }

}
