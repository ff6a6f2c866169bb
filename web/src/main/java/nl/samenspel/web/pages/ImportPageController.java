package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import nl.samenspel.web.api.ManageClient;
import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.security.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The coordinator's import: upload a history file (CSV or JSON Lines), see it checked without anything being logged
 * (every refused line with its spreadsheet row, field and reason), fix and upload again, then log the checked file
 * as it is; and download a CSV template for the kinds of entry the sheet will hold. The command-service checks and
 * logs; this page keeps the uploaded file between the check and the logging (see {@link Uploads}).
 */
@Controller
@RequestMapping("/networks/{networkId}/import")
public class ImportPageController {
    /** The command-service refuses larger bodies (samenspel.security.max-request-bytes); saying so here is kinder. */
    static final long MAX_BYTES = 1024 * 1024;
    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final MediaType JSON_LINES = MediaType.parseMediaType("application/x-ndjson");
    /** How long the page waits for the dashboard to include a logged import before linking to it anyway. */
    private static final Duration HEALTH_PATIENCE = Duration.ofSeconds(30);

    private final SamenspelClient client;
    private final ManageClient manage;
    private final Uploads uploads;
    private final MessageSource messages;
    private final Coordinators coordinators;
    /** The kinds of entry and their fields, to say each row of a checked file in words. */
    private final nl.samenspel.web.api.EntryCatalogue catalogue;
    private final java.time.ZoneId zone;
    /** Reads a JSON Lines file's lines to show what a refused field held. */
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    public ImportPageController(SamenspelClient client, ManageClient manage, Uploads uploads, MessageSource messages,
                                Coordinators coordinators, nl.samenspel.web.api.EntryCatalogue catalogue,
                                nl.samenspel.web.WebProperties properties) {
        this.zone = properties.zone();
        this.catalogue = catalogue;
        this.client = client;
        this.coordinators = coordinators;
        this.manage = manage;
        this.uploads = uploads;
        this.messages = messages;
    }

    /** A refusal of the whole file: the field or line it names, and why. */
    record FileError(String field, String message, boolean english) {
    }

    /** One refused field of one line, as the report shows it. */
    record Refusal(int row, int line, String kind, String field, String message, boolean english, String value) {
    }

    /** How many entries of a kind a checked file holds. */
    record KindCount(String kind, long count) {
    }

    /**
     * One row of a file that passed, as the check read it: its row (and line in the file), kind, date and fields in
     * words, and whether the log holds it already.
     */
    record ReadRow(int row, int line, String kind, String occurredOn, List<EntryForms.Line> lines, boolean inLog) {
    }

    @GetMapping
    public String page(@PathVariable UUID networkId, @RequestParam(required = false) String error,
                       @AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        Words words = new Words(messages, locale);
        common(networkId, user, model, words);
        Map<String, String> errors = new LinkedHashMap<>();
        if (error != null && List.of("file", "kinds").contains(error)) {
            errors.put(error, words.get("import.error." + error));
        }
        model.addAttribute("errors", errors);
        return "import";
    }

    /** The import's template, made from the command-service's API description. */
    private ImportTemplate template() {
        return new ImportTemplate(manage.apiDescription());
    }

    /**
     * The template's example texts in {@code locale}'s language ({@code examples_*.properties}); in Dutch its choices
     * too, as the forms say them ("Verslag" for {@code minutes}), which the check reads back as their codes. In English
     * the choices stay codes, which read the same.
     */
    private ImportTemplate.Texts examples(Locale locale) {
        boolean dutch = locale.getLanguage().equals(LocaleConfiguration.DUTCH.getLanguage());
        return new ImportTemplate.Texts() {
            @Override
            public String of(String kind, String field) {
                return messages.getMessage("example." + kind + "." + field, null, null, locale);
            }

            @Override
            public String choice(String field, List<String> codes, String code) {
                return dutch ? ChoiceWords.word(codes, field, code, messages, locale) : code;
            }
        };
    }

    /** The CSV template for the kinds picked, each with an example row, its texts in the page's language. */
    @GetMapping("/template.csv")
    public String template(@PathVariable UUID networkId, @RequestParam(name = "kind", required = false) List<String> kinds,
                           @RequestParam(defaultValue = "comma") String separator,
                           @AuthenticationPrincipal SignedIn user, HttpServletResponse response, Locale locale)
            throws IOException {
        coordinators.require(networkId, user);
        if (kinds == null || kinds.isEmpty()) {
            return "redirect:/networks/" + networkId + "/import?error=kinds#template";
        }
        // the examples name this network's partners (the import takes names) on today's date, so that a template
        // sent back unchanged passes the check where the entries it shows can be logged
        List<String> partners = client.network(user.token(), networkId).partners().stream()
                                      .filter(p -> p.withdrawnOn() == null).map(SamenspelClient.Partner::name).toList();
        String csv = template().csv(kinds, "semicolon".equals(separator) ? ';' : ',', partners,
                                    java.time.LocalDate.now(zone), examples(locale));
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"samenspel-import-template.csv\"");
        response.getOutputStream().write(csv.getBytes(StandardCharsets.UTF_8));
        return null;
    }

    /** Keeps the uploaded file and has it checked; the report is a page of its own, so reloading it sends nothing. */
    @PostMapping
    public String check(@PathVariable UUID networkId, @RequestParam(name = "file", required = false) MultipartFile file,
                        @AuthenticationPrincipal SignedIn user, HttpSession session, Model model, Locale locale,
                        jakarta.servlet.http.HttpServletResponse response) throws IOException {
        Words words = new Words(messages, locale);
        Map<String, String> errors = new LinkedHashMap<>();
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        byte[] bytes = file == null ? new byte[0] : file.getBytes();
        MediaType type = null;
        if (bytes.length == 0) {
            errors.put("file", words.get("import.error.file"));
        } else if (bytes.length > MAX_BYTES) {
            errors.put("file", words.get("import.error.tooLarge", words.number(bytes.length / 1024.0 / 1024.0, 1)));
        } else {
            type = type(name, bytes);
            if (type == null) {
                errors.put("file", words.get("import.error.spreadsheet"));
            }
        }
        if (!errors.isEmpty()) {
            // refused, as the entry forms answer a refusal: the page says what to put right
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
            common(networkId, user, model, words);
            model.addAttribute("errors", errors);
            return "import";
        }
        if (CSV.equals(type)) {
            // choices written as the pages say them ("Geld", "Verslag") are sent as the codes the import reads
            bytes = ChoiceWords.asCodes(bytes, template(), messages);
        }
        Uploads.Upload upload = uploads.keep(session, networkId, name, type, bytes);
        upload.checked(dryRun(user, upload));
        return "redirect:/networks/" + networkId + "/import/" + upload.id();
    }

    /** The check's report, or, once the file was logged, what was logged. */
    @GetMapping("/{uploadId}")
    public String report(@PathVariable UUID networkId, @PathVariable UUID uploadId, @AuthenticationPrincipal SignedIn user,
                         HttpSession session, Model model, Locale locale) {
        Words words = new Words(messages, locale);
        Uploads.Upload upload = uploads.find(session, networkId, uploadId).orElse(null);
        if (upload == null) {
            return "redirect:/networks/" + networkId + "/import";
        }
        common(networkId, user, model, words);
        model.addAttribute("errors", Map.of());
        model.addAttribute("upload", upload);
        if (upload.logged() != null) {
            Uploads.Logged logged = upload.logged();
            model.addAttribute("logged", logged);
            model.addAttribute("loggedText", logged.logged() == 0 ? words.get("import.done.nothingNew", words.number(logged.entries(), 0))
                    : words.get("import.done.logged", logged.logged()));
            model.addAttribute("historyUrl", "/networks/" + networkId + "/audit/history"
                    + (logged.lastSequence() == null || logged.logged() == 0 ? ""
                       : "?fromSequence=" + (logged.lastSequence() - logged.logged() + 1)));
            return "import-done";
        }
        ManageClient.ImportAnswer answer = upload.checked();
        JsonNode body = answer.body();
        if (!answer.refused()) {
            Map<String, Long> counts = new LinkedHashMap<>();
            body.path("lines").forEach(l -> counts.merge(kindLabel(words, l.path("type").asText()), 1L, Long::sum));
            model.addAttribute("clean", true);
            model.addAttribute("entries", upload.entries());
            model.addAttribute("entriesText", words.number(upload.entries(), 0));
            model.addAttribute("entryCount", upload.entries());
            long loggedBefore = 0;
            for (JsonNode line : body.path("lines")) {
                loggedBefore += line.path("replayed").asBoolean() ? 1 : 0;
            }
            boolean allBefore = loggedBefore > 0 && loggedBefore == upload.entries();
            model.addAttribute("allLoggedBefore", allBefore);
            // the button says what logging adds: "Log these 7 entries" stood beside "6 are in the log already"
            model.addAttribute("submitText", allBefore ? words.get("import.log.again")
                    : loggedBefore > 0 ? words.get("import.log.submitNew", words.number(upload.entries() - loggedBefore, 0),
                                                   upload.entries() - loggedBefore, words.number(loggedBefore, 0), loggedBefore)
                    : words.get("import.log.submit", words.number(upload.entries(), 0), upload.entries()));
            model.addAttribute("loggedBefore", loggedBefore == 0 ? null
                    : allBefore ? words.get("import.check.allLoggedBefore", words.number(loggedBefore, 0))
                    : words.get("import.check.loggedBefore", words.number(loggedBefore, 0), words.number(upload.entries(), 0),
                                words.number(upload.entries() - loggedBefore, 0)));
            model.addAttribute("counts", counts.entrySet().stream().map(e -> new KindCount(e.getKey(), e.getValue())).toList());
            // the file read once, for its rows as read and for rows still holding the template's examples
            SpreadsheetRows sheet = upload.csv() ? SpreadsheetRows.of(new String(upload.bytes(), StandardCharsets.UTF_8)) : null;
            model.addAttribute("rows", asRead(user, networkId, sheet, body, words));
            // rows still holding the template's example texts would be logged as real entries: said before logging
            // in the texts of either language: a template downloaded in Dutch may be checked on an English page
            List<Integer> examples = sheet != null ? template().exampleRows(sheet,
                    LocaleConfiguration.SUPPORTED.stream().map(this::examples).toList()) : List.of();
            model.addAttribute("exampleRows", examples.isEmpty() ? null : words.get("import.check.exampleRows",
                    examples.size(), String.join(", ", examples.stream().map(String::valueOf).toList())));
            model.addAttribute("busyMessage", words.get("import.log.busy", words.number(upload.entries(), 0)));
            return "import-check";
        }
        SpreadsheetRows rows = upload.csv() ? SpreadsheetRows.of(new String(upload.bytes(), StandardCharsets.UTF_8)) : null;
        List<String> jsonLines = upload.csv() ? List.of() : new String(upload.bytes(), StandardCharsets.UTF_8).lines().toList();
        List<Refusal> refusals = new ArrayList<>();
        for (JsonNode line : body.path("lines")) {
            int number = line.path("line").asInt();
            for (JsonNode error : line.path("errors")) {
                String field = error.path("field").asText();
                String said = Refusals.say(words, rows == null ? error.path("message").asText()
                        : rows.lineToRow(error.path("message").asText()));
                refusals.add(new Refusal(rows == null ? number : rows.rowNumber(number), number,
                                         kindLabel(words, line.path("type").asText(null)),
                                         fieldWords(words, field, upload.csv()),
                                         Refusals.text(said), Refusals.english(said),
                                         shortened(rows == null ? jsonValue(jsonLines, number, field)
                                                           : rows.cell(number, field))));
            }
        }
        List<FileError> fileErrors = new ArrayList<>();
        if (!body.has("lines")) {
            body.path("errors").forEach(e -> {
                String said = Refusals.say(words, e.path("message").asText());
                fileErrors.add(new FileError(fieldWords(words, e.path("field").asText(), upload.csv()),
                                             Refusals.text(said), Refusals.english(said)));
            });
        }
        model.addAttribute("clean", false);
        model.addAttribute("refusals", refusals);
        model.addAttribute("someInEnglish", refusals.stream().anyMatch(Refusal::english));
        model.addAttribute("refusedLines", body.path("lines").size());
        model.addAttribute("fileErrors", fileErrors);
        model.addAttribute("spansLines", rows != null && rows.rowsSpanLines());
        return "import-check";
    }

    /**
     * Logs the checked file, once: a second request for the same upload (a double click) waits for the first and then
     * shows its result, and the same file uploaded again is answered as logged before (the import's command id is
     * derived from the file's content). Before the link to the dashboard is shown, the page waits until
     * the dashboard's figures include the new entries.
     */
    @PostMapping("/{uploadId}/log")
    public String log(@PathVariable UUID networkId, @PathVariable UUID uploadId, @AuthenticationPrincipal SignedIn user,
                      HttpSession session) {
        Uploads.Upload upload = uploads.find(session, networkId, uploadId).orElse(null);
        if (upload == null) {
            return "redirect:/networks/" + networkId + "/import";
        }
        synchronized (upload) {
            if (upload.logged() == null) {
                ManageClient.ImportAnswer answer = manage.importFile(user.token(), networkId, upload.bytes(),
                                                                     upload.contentType(), false);
                if (answer.refused()) {
                    // The network changed since the check (someone logged in between): show the new report.
                    upload.checked(answer);
                } else {
                    JsonNode body = answer.body();
                    Long position = body.hasNonNull("position") ? body.get("position").asLong() : null;
                    Long sequence = body.path("receipt").hasNonNull("sequence")
                            ? body.path("receipt").get("sequence").asLong() : null;
                    boolean included = position == null
                            || manage.awaitHealth(user.token(), networkId, position, HEALTH_PATIENCE);
                    upload.logged(new Uploads.Logged(body.path("entries").asInt(), body.path("logged").asLong(),
                                                     position, sequence, included));
                }
            }
        }
        return "redirect:/networks/" + networkId + "/import/" + uploadId;
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /**
     * Each row of a file that passed, in words, as the entry forms confirm what they logged: partners and agreements by
     * name (also those that an earlier row of the file creates), choices by their words, sums as money. The counts per
     * kind said only how many of each kind the check found, not whether a date or a sum was read as meant. Empty
     * when the catalogue of entry kinds or the network's facts cannot be read, or the check names no entries.
     */
    private List<ReadRow> asRead(SignedIn user, UUID networkId, SpreadsheetRows rows, JsonNode body, Words words) {
        EntryForms forms;
        EntryForms.Sources sources;
        String network = "/api/networks/" + networkId;
        try {
            sources = new EntryForms.Sources(client.queryJson(user.token(), network + "/facts", Map.of()),
                                             none -> client.queryJson(user.token(), network + "/people", Map.of()),
                                             none -> json.createArrayNode());
            forms = new EntryForms(catalogue.catalogue(), words, sources, java.time.LocalDate.now(zone));
        } catch (SamenspelClient.ApiException unavailable) {
            return List.of();
        }
        for (JsonNode line : body.path("lines")) {
            JsonNode entry = line.path("entry");
            String subject = line.path("subjectId").asText(null);
            if (subject == null) {
                continue;
            }
            if ("contribution-recorded".equals(line.path("type").asText())) {
                sources.name(subject, sources.contribution(forms, entry, entry.path("occurredOn").asText()));
            }
            for (String name : List.of("name", "title", "issue")) {
                if (entry.path(name).isTextual()) {
                    sources.name(subject, entry.path(name).asText());
                    break;
                }
            }
        }
        List<ReadRow> read = new ArrayList<>();
        for (JsonNode line : body.path("lines")) {
            JsonNode entry = line.path("entry");
            if (!entry.isObject()) {
                return List.of();
            }
            int number = line.path("line").asInt();
            read.add(new ReadRow(rows == null ? number : rows.rowNumber(number), number,
                                 kindLabel(words, line.path("type").asText(null)), entry.path("occurredOn").asText(""),
                                 forms.logged(EntryKinds.type(line.path("type").asText()), entry),
                                 line.path("replayed").asBoolean()));
        }
        return read;
    }

    /**
     * What line {@code number} of a JSON Lines file holds for {@code field} (its top-level name: {@code attendance}
     * for {@code attendance[0].partnerId}), as written there; null when the line holds none or is not JSON.
     */
    private String jsonValue(List<String> lines, int number, String field) {
        if (number < 1 || number > lines.size()) {
            return null;
        }
        if (field.equals("line")) {   // the line refused as a whole (no JSON object): as written
            return lines.get(number - 1).isBlank() ? null : lines.get(number - 1).strip();
        }
        String top = field.split("[.\\[]", 2)[0];
        try {
            JsonNode line = json.readTree(lines.get(number - 1));
            JsonNode value = line == null ? null : line.get(top);
            return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return null;
        }
    }

    /** The longest value the report shows whole: a row refused as a whole can run to thousands of characters. */
    private static final int VALUE_SHOWN = 240;

    private static String shortened(String value) {
        return value == null || value.length() <= VALUE_SHOWN ? value : value.substring(0, VALUE_SHOWN - 1) + "\u2026";
    }

    private ManageClient.ImportAnswer dryRun(SignedIn user, Uploads.Upload upload) {
        try {
            ManageClient.ImportAnswer answer = manage.importFile(user.token(), upload.networkId(), upload.bytes(),
                                                                 upload.contentType(), true);
            upload.entries(answer.body().path("entries").asInt());
            return answer;
        } catch (SamenspelClient.ApiException e) {
            if (e.status() == 413 || e.status() == 415) {
                com.fasterxml.jackson.databind.node.ObjectNode body = com.fasterxml.jackson.databind.node.JsonNodeFactory
                        .instance.objectNode();
                body.putArray("errors").addObject().put("field", "body").put("message", e.status() == 413
                        ? "is larger than the service accepts (1 MiB); split the file"
                        : "is neither CSV nor JSON Lines");
                return new ManageClient.ImportAnswer(400, body);
            }
            throw e;
        }
    }

    /**
     * CSV or JSON Lines, told by the file's name, else by its first character; a spreadsheet's own format (a zip
     * archive, or an old Excel file) is neither: null.
     */
    static MediaType type(String name, byte[] bytes) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean zip = bytes.length > 1 && bytes[0] == 'P' && bytes[1] == 'K';
        boolean ole = bytes.length > 1 && (bytes[0] & 0xFF) == 0xD0 && (bytes[1] & 0xFF) == 0xCF;
        if (zip || ole || lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".ods")) {
            return null;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return JSON_LINES;
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return CSV;
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        return start.startsWith("{") ? JSON_LINES : CSV;
    }

    private void common(UUID networkId, SignedIn user, Model model, Words words) {
        coordinators.require(networkId, user);
        SamenspelClient.Network network = client.network(user.token(), networkId);
        model.addAttribute("network", network);
        model.addAttribute("dashboard", "/networks/" + networkId);
        model.addAttribute("base", "/networks/" + networkId + "/import");
        model.addAttribute("peopleUrl", "/networks/" + networkId + "/people");
        model.addAttribute("tab", "import");
        model.addAttribute("partners", network.partners().stream().filter(p -> p.withdrawnOn() == null).toList());
        model.addAttribute("maxBytes", MAX_BYTES);
        model.addAttribute("kinds", template().kinds().stream()
                                                                                  .map(k -> Map.entry(k, kindLabel(words, k)))
                                                                                  .toList());
        model.addAttribute("defaultSeparator", words.locale().getLanguage().equals("nl") ? "semicolon" : "comma");
    }

    /**
     * Where in the file a refusal points, as the report shows it: a column by its name (as the sheet's header has it);
     * the whole row or line, a header row, or the file itself in words rather than the service's field codes.
     */
    private static String fieldWords(Words words, String field, boolean csv) {
        String unit = csv ? "row" : "line";
        if (field.equals("line")) {
            return words.get("import.check.field.whole." + unit);
        }
        if (field.equals("body")) {
            return words.get("import.check.field.body");
        }
        if (field.matches("line \\d+")) {
            return words.get("import.check.field." + unit, field.substring(5));
        }
        // one value of a list cell: "attendance[1].level" is the column and the second value in its cell, counted
        // as a person counts (the codes count from 0)
        java.util.regex.Matcher item = ITEM.matcher(field);
        if (item.matches()) {
            String value = Integer.toString(Integer.parseInt(item.group(2)) + 1);
            return item.group(3) == null ? words.get("import.check.field.item", item.group(1), value)
                    : words.get("import.check.field.itemPart", item.group(1), value, item.group(3));
        }
        return field;
    }

    /** A field inside a list cell: the column, the value's place from 0, and what of that value (a meeting's level). */
    private static final java.util.regex.Pattern ITEM = java.util.regex.Pattern.compile("([A-Za-z]+)\\[(\\d+)](?:\\.([A-Za-z]+))?");

    /** A kind's label from its wire name ({@code contribution-recorded}), as the catalogue's bundles name it. */
    static String kindLabel(Words words, String wireName) {
        if (wireName == null || wireName.isEmpty()) {
            return words.get("import.kind.unknown");
        }
        return words.orElse("entry." + EntryKinds.type(wireName), wireName);
    }
}
