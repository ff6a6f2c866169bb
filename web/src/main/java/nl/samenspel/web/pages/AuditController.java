package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import nl.samenspel.web.WebProperties;
import nl.samenspel.web.api.EntryCatalogue;
import nl.samenspel.web.api.SamenspelClient;
import nl.samenspel.web.security.SignedIn;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The auditor's workspace: time travel (the network's health as of a business date, next to what was known at an
 * earlier moment, with every difference marked and the late entries and corrections behind it), the history as it was
 * logged (read-only, filtered, each entry with when and by whom it was logged, its hash, and what corrected it), and
 * integrity (verify the log now, the signed monthly checkpoints, and the export to verify apart from the platform).
 * The services decide who may see what: coordinators and auditors of the network.
 */
@Controller
@RequestMapping("/networks/{networkId}/audit")
public class AuditController {
    private static final int PAGE = 50;

    private final SamenspelClient client;
    private final EntryCatalogue catalogue;
    private final MessageSource messages;
    private final ZoneId zone;

    public AuditController(SamenspelClient client, EntryCatalogue catalogue, MessageSource messages,
                           WebProperties properties) {
        this.client = client;
        this.catalogue = catalogue;
        this.messages = messages;
        this.zone = properties.zone();
    }

    /**
     * One indicator in the comparison; {@code figure} says what its values count, as under a dashboard tile's (where
     * either side has a value), and a note what a value needs said beside it ({@link Tiles#note}).
     */
    record Row(String id, String name, String figure, String asOfValue, String asOfStatus, String asOfWord, String asOfNote,
               String knownValue, String knownStatus, String knownWord, String knownNote, boolean changed,
               String changedDetail, List<Late> explainedBy, int explainedCount, List<Late> whoTakesPart) {
    }

    /** The kinds of entry that change who takes part, and with it every share of the partners. */
    private static final Set<String> ROSTER = Set.of("PartnerJoined", "PartnerWithdrew", "PartnerParticipationChanged");

    /** The late entries an indicator's row names at most; its count says how many explain it in all. */
    private static final int EXPLAINED_SHOWN = 5;
    /** The late entries the page lists at once. */
    private static final int LATE_PAGE = 100;

    /** All late entries of one kind: how many, and the first and last dates they happened on. */
    record LateKind(int count, String kind, String first, String last) {
        /** The kind as HTML, for the line that keeps its dates whole. */
        public String kindHtml() {
            return org.springframework.web.util.HtmlUtils.htmlEscape(kind);
        }

        /** A date as HTML that a line break does not split at its hyphens (2026-12- on one line, 06 on the next). */
        static String dateHtml(String date) {
            return EntryForms.Line.wholeDates(date);
        }

        public String firstHtml() {
            return dateHtml(first);
        }

        public String lastHtml() {
            return dateHtml(last);
        }
    }

    /** An entry logged after the moment compared with, or a correction: what explains a difference. */
    record Late(long sequence, String kind, String occurredOn, String recordedAt, String historyUrl,
                List<String> explains, String explainedNames, String corrects) {

        /** What it corrects, each date in it kept whole on a line; empty for an entry that corrects nothing. */
        public List<Piece> correctsPieces() {
            return corrects == null ? List.of() : Piece.of(corrects);
        }
    }

    /** One logged entry in the history. */
    record Logged(String type, long sequence, String kind, String occurredOn, String recordedAt, String recordedBy,
                  String recordedByName, String recordedAs, String hash, String eventId, String corrects,
                  String correctsUrl, String correctsLabel, List<Correction> correctedBy,
                  List<EntryForms.Line> content, String payload, boolean withheld, CountsNow countsNow,
                  List<Change> changes) {

        /** Whether every later entry on it corrected it (true), retracted it (false), or both happened (null). */
        public Boolean onlyCorrected() {
            boolean retracted = correctedBy.stream().anyMatch(Correction::retraction);
            boolean corrected = correctedBy.stream().anyMatch(c -> !c.retraction());
            return retracted == corrected ? null : corrected;
        }

        /** An original entry that still counts, other than the founding: it can be corrected or retracted. */
        public boolean correctable() {
            return corrects == null && !"NetworkFounded".equals(type)
                    && correctedBy.stream().noneMatch(Correction::retraction);
        }
    }

    /**
     * What a corrected entry counts as now: the number of its correction in force (as text: a number in a message is
     * grouped, #1,234) and its values in one line ("Amount: 15,000 · Unit: EUR").
     */
    record CountsNow(String by, String said) {

        /** What it says, each date in it kept whole on a line. */
        public List<Piece> saidPieces() {
            return Piece.of(said);
        }
    }

    /**
     * A value a correction changed: the field's name, what it held as the entry counted just before the correction
     * (first logged, or as an earlier correction still in force had it) and what it holds since; empty for nothing.
     */
    record Change(String label, String before, String after) {

        /** What a list (values apart by "; ") gained, in its order; empty for a single value or nothing added. */
        public List<String> added() {
            return missing(after, before);
        }

        /** What a list lost, in its order; empty for a single value or nothing left out. */
        public List<String> removed() {
            return missing(before, after);
        }

        /**
         * The items of list {@code from} that list {@code in} lacks; none where either is a single value: a list of
         * eight partners with one added read the same in both columns at a glance.
         */
        private static List<String> missing(String from, String in) {
            if (!from.contains("; ") && !in.contains("; ")) {
                return List.of();
            }
            List<String> other = List.of(in.split("; "));
            return java.util.Arrays.stream(from.split("; ")).filter(item -> !item.isBlank() && !other.contains(item))
                                   .toList();
        }
    }

    /** A later entry on an entry: its number, kind and place in the log; a correction with what it replaced it by. */
    record Correction(long sequence, String kind, String url, boolean retraction, String eventId, JsonNode replacement) {
    }

    @GetMapping
    public String workspace(@PathVariable UUID networkId) {
        return "redirect:/networks/" + networkId + "/audit/compare";
    }

    @GetMapping("/compare")
    public String compare(@PathVariable UUID networkId, @RequestParam(required = false) String date,
                          @RequestParam(required = false) String knownAt,
                          @RequestParam(defaultValue = "false") boolean differing,
                          @RequestParam(defaultValue = "0") long fromSequence, @AuthenticationPrincipal SignedIn user,
                          Model model, Locale locale, HttpServletResponse response) {
        Words words = new Words(messages, locale);
        common(networkId, user, model, "compare");
        LocalDate today = LocalDate.now(zone);
        model.addAttribute("date", date == null ? today.toString() : date);
        model.addAttribute("knownAt", knownAt == null ? "" : knownAt);
        model.addAttribute("today", today.toString());
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("errors", errors);
        if (knownAt == null) {
            return "audit-compare";
        }
        // every field at fault said at once: an empty date beside an empty moment was not said
        LocalDate businessDate = parseDate(date == null ? today.toString() : date, errors, words);
        SamenspelClient.Network network = (SamenspelClient.Network) model.getAttribute("network");
        if (businessDate != null && network != null && network.foundedOn() != null
                && businessDate.isBefore(network.foundedOn())) {
            // said with the day it was founded, as a date after today is said with today
            errors.put("date", words.get("audit.error.beforeFounded", network.foundedOn().toString()));
        }
        Instant moment = null;
        if (knownAt.isBlank()) {
            // sent without a moment (a browser that does not hold the form back): said, not a silent new form
            errors.put("knownAt", words.get("audit.error.momentMissing"));
        } else {
            moment = parseMoment(knownAt, errors, words);
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit-compare";
        }
        JsonNode answer;
        try {
            answer = client.queryJson(user.token(), "/api/networks/" + networkId + "/health/compare",
                                      Map.of("date", businessDate.toString(), "knownAt", moment.toString(),
                                             "fromSequence", String.valueOf(Math.max(0, fromSequence)),
                                             "limit", String.valueOf(LATE_PAGE)));
        } catch (SamenspelClient.Refused refused) {
            refused.fields().forEach((field, message) -> errors.put(field, Refusals.plain(words, message)));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit-compare";
        }
        model.addAttribute("compared", true);
        model.addAttribute("networkKnown", answer.path("networkKnown").asBoolean());
        model.addAttribute("knownSince", moment(answer.path("networkKnownSince").asText(null)));
        model.addAttribute("shownDate", businessDate.toString());
        model.addAttribute("shownMoment", moment(moment.toString()));
        LocalDateTime typed = LocalDateTime.parse(knownAt.strip());
        List<java.time.ZoneOffset> offsets = zone.getRules().getValidOffsets(typed);
        model.addAttribute("momentTwice", offsets.size() > 1
                ? words.get("audit.compare.momentTwice", typed.toLocalTime().toString(), offsets.get(0).toString())
                : null);

        List<Late> late = new ArrayList<>();
        List<Late> roster = new ArrayList<>();
        for (JsonNode entry : answer.path("lateEntries")) {
            List<String> explains = new ArrayList<>();
            entry.path("explains").forEach(id -> explains.add(id.asText()));
            long sequence = entry.path("sequenceNumber").asLong();
            Late one = new Late(sequence, kind(words, entry.path("type").asText()), entry.path("occurredOn").asText(),
                                moment(entry.path("recordedAt").asText()), historyUrl(networkId, sequence), explains,
                                explains.stream().map(id -> words.get("indicator." + id + ".name"))
                                        .collect(java.util.stream.Collectors.joining(", ")),
                                // a correction by the entry it corrects too: by its own date alone it read as news
                                entry.hasNonNull("targetSequenceNumber") ? words.get("audit.compare.corrects",
                                        entry.path("targetSequenceNumber").asText(),
                                        kind(words, entry.path("targetType").asText()),
                                        entry.path("targetOccurredOn").asText()) : null);
            late.add(one);
            if (ROSTER.contains(entry.path("type").asText()) && roster.size() < EXPLAINED_SHOWN) {
                roster.add(one);
            }
        }
        List<String> changed = new ArrayList<>();
        answer.path("changedIndicators").forEach(id -> changed.add(id.asText()));
        List<Row> rows = new ArrayList<>();
        for (String id : IndicatorCatalog.IDS) {
            JsonNode now = answer.path("asOf").path("indicators").path(id);
            JsonNode then = answer.path("asKnownAt").path("indicators").path(id);
            List<Late> behind = late.stream().filter(l -> l.explains().contains(id)).limit(EXPLAINED_SHOWN).toList();
            SamenspelClient.Indicator asOf = parsed(id, now), known = parsed(id, then);
            Double asOfHeadline = IndicatorCatalog.headline(asOf), knownHeadline = IndicatorCatalog.headline(known);
            String asOfValue = words.value(id, asOfHeadline), knownValue = words.value(id, knownHeadline);
            String asOfNote = Tiles.note(id, asOf, status(now), words), knownNote = Tiles.note(id, known, status(then), words);
            String asOfShown = Tiles.shown(id, status(now)), knownShown = Tiles.shown(id, status(then));
            boolean differs = changed.contains(id);
            boolean looksSame = asOfValue.equals(knownValue) && status(now).equals(status(then))
                                && Objects.equals(asOfNote, knownNote);
            rows.add(new Row(id, words.get("indicator." + id + ".name"),
                             Tiles.figure(id, asOfHeadline != null ? asOfHeadline : knownHeadline, words),
                             asOfValue, asOfShown, words.status(asOfShown), asOfNote,
                             knownValue, knownShown, words.status(knownShown),
                             knownNote,
                             differs, differs && looksSame ? hiddenDifference(id, asOfHeadline, knownHeadline,
                                                                              now.path("figures"), then.path("figures"),
                                                                              words) : null,
                             behind, answer.path("explainedByCount").path(id).asInt(),
                             // a figure no late entry is evidence of may still have moved with who takes part: a
                             // partner that joined late changed shared ambition through its denominator unnamed
                             differs && answer.path("explainedByCount").path(id).asInt() == 0 ? roster : List.of()));
        }
        model.addAttribute("rows", differing ? rows.stream().filter(Row::changed).toList() : rows);
        model.addAttribute("differing", differing);
        model.addAttribute("changedCount", rows.stream().filter(Row::changed).count());
        model.addAttribute("late", late);
        List<LateKind> lateKinds = new ArrayList<>();
        answer.path("lateByKind").forEach(k -> lateKinds.add(new LateKind(k.path("count").asInt(),
                kind(words, k.path("type").asText()), k.path("firstOccurredOn").asText(), k.path("lastOccurredOn").asText())));
        model.addAttribute("lateKinds", lateKinds);
        int before = answer.path("lateEntriesBefore").asInt();
        int lateCount = answer.path("lateEntryCount").asInt();
        model.addAttribute("pageSize", LATE_PAGE);
        model.addAttribute("lateCount", lateCount);
        model.addAttribute("lateFirst", before + 1);
        model.addAttribute("lateLast", before + late.size());
        model.addAttribute("nextLast", Math.min(before + late.size() + LATE_PAGE, lateCount));
        model.addAttribute("fromSequence", fromSequence);
        model.addAttribute("nextSequence", answer.path("nextFromSequence").asLong(-1));
        return "audit-compare";
    }

    /**
     * What differs in a row whose two sides read the same: the value before rounding, or else the figures behind it
     * in words, as the explanation of each side gives them ("3 evidenced claims; economic share 40 %" now, "2 ..."
     * then), or else that figures the page does not name differ (an auditor saw "9 %" on both sides marked as
     * differing, with nothing to trace, and then "figures behind the value" without which).
     */
    static String hiddenDifference(String id, Double asOf, Double known, JsonNode asOfFigures,
                                           JsonNode knownFigures, Words words) {
        if (asOf != null && known != null && !asOf.equals(known)) {
            for (int more = 1; more <= 4; more++) {
                String now = words.precise(IndicatorCatalog.kind(id), asOf, more);
                String then = words.precise(IndicatorCatalog.kind(id), known, more);
                if (!now.equals(then)) {
                    return words.get("audit.compare.unrounded", now, then);
                }
            }
        }
        if (asOfFigures.isObject() && knownFigures.isObject() && !asOfFigures.isEmpty() && !knownFigures.isEmpty()) {
            String now = Tiles.why(id, asOfFigures, words), then = Tiles.why(id, knownFigures, words);
            if (now != null && then != null && !now.equals(then)) {
                return words.get("audit.compare.behindValueSaid", now, then);
            }
        }
        return words.get("audit.compare.behindValue");
    }

    @GetMapping("/history")
    public String history(@PathVariable UUID networkId, @RequestParam(required = false) String type,
                          @RequestParam(required = false) String partner,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String by,
                          @RequestParam(defaultValue = "0") long fromSequence, @AuthenticationPrincipal SignedIn user,
                          Model model, Locale locale, HttpServletResponse response) {
        Words words = new Words(messages, locale);
        common(networkId, user, model, "history");
        Map<String, String> errors = new LinkedHashMap<>();
        model.addAttribute("errors", errors);
        model.addAttribute("type", type == null ? "" : type);
        model.addAttribute("partner", partner == null ? "" : partner);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("by", by == null ? "" : by);
        model.addAttribute("byName", by);
        model.addAttribute("kinds", kinds(words));
        Map<String, Object> filters = new HashMap<>();
        filters.put("type", type == null || type.isBlank() ? null : type);
        filters.put("partnerId", blankToNull(partner));
        filters.put("from", blankToNull(from));
        filters.put("to", blankToNull(to));
        filters.put("recordedBy", blankToNull(by));
        filters.put("fromSequence", Math.max(0, fromSequence));
        filters.put("limit", PAGE);
        JsonNode page;
        SamenspelClient.Page paged;
        try {
            paged = client.queryPage(user.token(), "/api/networks/" + networkId + "/events", filters);
            page = paged.items();
        } catch (SamenspelClient.Refused refused) {
            refused.fields().forEach((field, message) -> errors.put(field, Refusals.plain(words, message)));
            // both ends of a range that are no dates, at once: the services name the first they read ("to=2024-13-45"
            // beside "from=abc" was dropped without a word)
            for (String end : List.of("from", "to")) {
                String typed = blankToNull("from".equals(end) ? from : to);
                if (typed != null && !errors.containsKey(end)) {
                    try {
                        LocalDate.parse(typed);
                    } catch (DateTimeParseException notADate) {
                        errors.put(end, words.get("refusal.date"));
                    }
                }
            }
            model.addAttribute("entries", List.of());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit-history";
        }
        Map<String, List<Correction>> corrections = corrections(networkId, user.token(), words);
        List<Logged> entries = new ArrayList<>();
        Map<String, Long> sequences = new HashMap<>();
        Map<String, String> kinds = new HashMap<>();
        page.forEach(e -> {
            sequences.put(e.path("eventId").asText(), e.path("sequenceNumber").asLong());
            kinds.put(e.path("eventId").asText(), kind(words, e.path("type").asText()));
        });
        Set<String> onPage = Set.copyOf(sequences.keySet());
        Map<String, JsonNode> targets = new HashMap<>();
        page.forEach(e -> targets.put(e.path("eventId").asText(), e));
        offPageTargets(networkId, user.token(), page, words, sequences, kinds, targets);
        boolean coordinator = Coordinators.isCoordinator(client.me(user.token()), networkId);
        Function<JsonNode, List<EntryForms.Line>> inWords = inWords(networkId, user.token(), coordinator, page, words);
        long last = -1;
        for (JsonNode logged : page) {
            JsonNode e = withoutRespondent(logged);
            long sequence = e.path("sequenceNumber").asLong();
            last = sequence;
            String target = e.path("payload").path("targetEventId").asText(null);
            entries.add(new Logged(e.path("type").asText(), sequence, kind(words, e.path("type").asText()), e.path("occurredOn").asText(""),
                                   moment(e.path("recordedAt").asText(null)), e.path("recordedBy").asText(""),
                                   e.path("recordedByName").asText(null),
                                   words.orElse("role." + e.path("recordedAs").asText(), e.path("recordedAs").asText("")),
                                   e.path("hash").asText(""), e.path("eventId").asText(), target,
                                   target == null ? null : onPage.contains(target) ? "#entry-" + sequences.get(target)
                                           : sequences.containsKey(target) ? historyUrl(networkId, sequences.get(target))
                                           : "/networks/" + networkId + "/audit/history/entry/" + target,
                                   // the entry corrected by its number and kind; its id if it cannot be found
                                   target == null ? null : sequences.containsKey(target)
                                           ? "#" + sequences.get(target) + " " + kinds.get(target) : target,
                                   corrections.getOrDefault(e.path("eventId").asText(), List.of()),
                                   e == logged ? inWords.apply(e) : withheld(inWords.apply(e), words),
                                   e.path("payload").toPrettyString(), e != logged,
                                   e == logged ? countsNow(e, corrections, inWords, words) : null,
                                   changes(e, targets, corrections, inWords, words)));
        }
        model.addAttribute("entries", entries);
        // The user the history is narrowed to, by the name they go by where an entry on the page gives it.
        entries.stream().filter(e -> e.recordedBy().equals(by) && e.recordedByName() != null).findFirst()
               .ifPresent(e -> model.addAttribute("byName", e.recordedByName()));
        // Coordinators correct and retract from here; auditors only read.
        model.addAttribute("canCorrect", coordinator);
        model.addAttribute("logBase", "/networks/" + networkId + "/log");
        // a full page that ends with the newest entry has no next one (the service cannot tell without looking)
        boolean atTheEnd = paged.lastFromSequence() >= 0 && last >= paged.lastFromSequence() + PAGE - 1;
        model.addAttribute("nextSequence", entries.size() == PAGE && !atTheEnd ? last + 1 : -1);
        model.addAttribute("fromSequence", Math.max(0, fromSequence));
        // Unfiltered, the page before and the newest page: from an entry the confirmation links to, a coordinator went
        // on only forwards, and saw the newest entries only by paging from the first.
        model.addAttribute("prevSequence", paged.prevFromSequence());
        model.addAttribute("newestSequence", paged.lastFromSequence() > Math.max(0, fromSequence)
                ? paged.lastFromSequence() : -1);
        return "audit-history";
    }

    /** What the history leaves out of an anonymous answer (domain.md §8): who gave it, and the answer itself. */
    private static final List<String> ANONYMOUS_WITHHELD = List.of("respondentPartnerId", "scores", "comment");

    /**
     * {@code entry} as the history shows it: an anonymous answer to an evaluation (or a correction whose replacement
     * is one) without who gave it, its scores and its comment, which every other page keeps apart from fewer than
     * three such answers too; {@code entry} itself when it holds none. The log's export keeps them, as the hashes need.
     */
    static JsonNode withoutRespondent(JsonNode entry) {
        JsonNode payload = entry.path("payload");
        if (!payload.path("anonymous").asBoolean(false) && !payload.path("replacement").path("anonymous").asBoolean(false)) {
            return entry;
        }
        com.fasterxml.jackson.databind.node.ObjectNode copy = entry.deepCopy();
        for (JsonNode answer : List.of(copy.path("payload"), copy.path("payload").path("replacement"))) {
            if (answer instanceof com.fasterxml.jackson.databind.node.ObjectNode fields
                    && fields.path("anonymous").asBoolean(false)) {
                fields.remove(ANONYMOUS_WITHHELD);
            }
        }
        return copy;
    }

    /** {@code lines} of an anonymous answer, with a line that says what is not shown and why. */
    private static List<EntryForms.Line> withheld(List<EntryForms.Line> lines, Words words) {
        List<EntryForms.Line> shown = new ArrayList<>(lines);
        shown.add(new EntryForms.Line(words.get("audit.anonymous.label"), words.get("audit.anonymous.withheld")));
        return shown;
    }

    /**
     * Adds to {@code sequences} and {@code kinds} the entries that corrections on this page point at and that it does
     * not show (on an earlier page, or left out by a filter), so that they too are named by number and kind. A
     * correction comes after what it corrects: the log is read by id up to the page's last entry.
     */
    private void offPageTargets(UUID networkId, String token, JsonNode page, Words words, Map<String, Long> sequences,
                                Map<String, String> kinds, Map<String, JsonNode> entries) {
        Set<String> wanted = new HashSet<>();
        long lastOnPage = -1;
        for (JsonNode e : page) {
            String target = e.path("payload").path("targetEventId").asText(null);
            if (target != null && !sequences.containsKey(target)) {
                wanted.add(target);
            }
            lastOnPage = Math.max(lastOnPage, e.path("sequenceNumber").asLong());
        }
        long next = 0;
        while (!wanted.isEmpty() && next >= 0 && next < lastOnPage) {
            Map<String, Object> query = new HashMap<>();
            query.put("eventId", List.copyOf(wanted));
            query.put("fromSequence", next);
            query.put("limit", 1000);
            SamenspelClient.Page found = client.queryPage(token, "/api/networks/" + networkId + "/events", query);
            for (JsonNode e : found.items()) {
                String id = e.path("eventId").asText();
                sequences.put(id, e.path("sequenceNumber").asLong());
                kinds.put(id, kind(words, e.path("type").asText()));
                entries.put(id, e);
                wanted.remove(id);
            }
            next = found.nextFromSequence();
        }
    }

    /** Finds a logged entry by its id and shows it in its page of the history. */
    @GetMapping("/history/entry/{eventId}")
    public String entry(@PathVariable UUID networkId, @PathVariable String eventId,
                        @AuthenticationPrincipal SignedIn user) {
        long next = 0;
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = client.queryJson(user.token(), "/api/networks/" + networkId + "/events",
                                             Map.of("fromSequence", next, "limit", 1000));
            for (JsonNode e : page) {
                if (e.path("eventId").asText().equals(eventId)) {
                    return "redirect:" + historyUrl(networkId, e.path("sequenceNumber").asLong());
                }
                next = e.path("sequenceNumber").asLong() + 1;
            }
            if (page.size() < 1000) {
                break;
            }
        }
        throw new SamenspelClient.ApiException(404);
    }

    @GetMapping("/integrity")
    public String integrity(@PathVariable UUID networkId, @RequestParam(defaultValue = "false") boolean verify,
                            @AuthenticationPrincipal SignedIn user, Model model, Locale locale) {
        common(networkId, user, model, "integrity");
        if (verify) {
            JsonNode result = client.queryJson(user.token(), "/api/networks/" + networkId + "/integrity", Map.of());
            model.addAttribute("result", result);
            model.addAttribute("verifiedAt", moment(Instant.now().toString()));
            // The figures the pages read are stored apart from the log: checked against it too, once the log holds.
            if (result.path("intact").asBoolean()) {
                model.addAttribute("figures", figuresCheck(user, networkId, new Words(messages, locale)));
            }
        }
        List<Map<String, String>> checkpoints = new ArrayList<>();
        for (JsonNode c : client.queryJson(user.token(), "/api/networks/" + networkId + "/checkpoints", Map.of())) {
            JsonNode anchor = c.path("checkpoint");
            Map<String, String> line = new LinkedHashMap<>();
            line.put("month", c.path("month").asText());
            line.put("sequence", anchor.path("sequence").asText());
            line.put("hash", anchor.path("hash").asText());
            line.put("at", moment(anchor.path("time").asText(null)));
            line.put("signature", anchor.path("signature").asText(""));
            checkpoints.add(line);
        }
        model.addAttribute("checkpoints", checkpoints);
        JsonNode key = client.queryJson(user.token(), "/api/checkpoint-key", Map.of());
        model.addAttribute("key", key);
        // the fingerprint in groups of four, as the report prints it: the report tells its reader to compare the two
        String fingerprint = key.path("fingerprint").asText("");
        model.addAttribute("fingerprint", fingerprint.isEmpty() ? null : ReportController.spacedFingerprint(fingerprint));
        model.addAttribute("exportName", "network-" + networkId + ".jsonl");
        return "audit-integrity";
    }

    /**
     * What the check of the stored health against the log found, in words: whether it matches, what it covered, and
     * the months and alerts that differ. Null where no health is stored yet.
     */
    private FiguresCheck figuresCheck(SignedIn user, UUID networkId, Words words) {
        JsonNode check;
        try {
            check = client.queryJson(user.token(), "/api/networks/" + networkId + "/health/check", Map.of());
        } catch (SamenspelClient.ApiException e) {
            if (e.status() == 404) {
                return null;
            }
            throw e;
        }
        long last = check.path("lastSequence").asLong();
        long since = check.path("entriesInLog").asLong() - 1 - last;
        List<String> findings = new ArrayList<>();
        int differing = check.path("differingCount").asInt();
        if (differing > 0) {
            String named = months(check.path("differing"));
            int more = differing - check.path("differing").size();
            findings.add(words.get("audit.figures.differing", more > 0 ? words.get("audit.figures.more", named, more) : named));
        }
        if (!check.path("missing").isEmpty()) {
            findings.add(words.get("audit.figures.missing", months(check.path("missing"))));
        }
        if (!check.path("extra").isEmpty()) {
            findings.add(words.get("audit.figures.extra", months(check.path("extra"))));
        }
        if (!check.path("alertsMatch").asBoolean(true)) {
            findings.add(words.get("audit.figures.alerts"));
        }
        boolean leftOut = check.hasNonNull("leftOutSince");
        if (leftOut) {
            findings.add(words.get("audit.figures.leftOut", last + 1, moment(check.path("leftOutSince").asText())));
        }
        // the lists the pages read (partners, agreements, meetings, ...), folded again from the log
        JsonNode lists = check.path("lists");
        if (!lists.path("differing").isEmpty()) {
            List<String> named = new ArrayList<>();
            lists.path("differing").forEach(list -> named.add(words.get("audit.list." + list.asText())));
            findings.add(words.get("audit.figures.lists.differing", String.join(", ", named)));
        }
        if (lists.hasNonNull("leftOutSince")) {
            findings.add(words.get("audit.figures.lists.leftOut", lists.path("lastSequence").asLong() + 1,
                                   moment(lists.path("leftOutSince").asText())));
        }
        boolean matches = check.path("matches").asBoolean();
        String verdict = matches ? "audit.figures.match" : "audit.figures.differ";
        String detail = words.get(verdict + ".detail", check.path("monthsChecked").asInt(), last,
                                  check.path("evaluatedOn").asText());
        if (lists.path("matches").asBoolean(false)) {
            detail += " " + words.get("audit.figures.lists.match", lists.path("lastSequence").asLong());
        }
        return new FiguresCheck(matches, words.get(verdict), detail,
                                since > 0 && !leftOut ? words.get("audit.figures.since", since) : null, findings);
    }

    private static String months(JsonNode names) {
        List<String> months = new ArrayList<>();
        names.forEach(name -> months.add(name.asText()));
        return String.join(", ", months);
    }

    /** The check of the stored figures against the log, as the integrity page says it. */
    public record FiguresCheck(boolean matches, String verdict, String detail, String since, List<String> findings) {
        /** The detail as HTML, its date kept whole on a phone. */
        public String detailHtml() {
            return EntryForms.Line.wholeDates(detail);
        }

        /** The findings as HTML, each month kept whole on a phone ("2026-" on one line, "11" on the next). */
        public List<String> findingsHtml() {
            return findings.stream().map(EntryForms.Line::wholeDates).toList();
        }
    }

    /** The network's log as JSON Lines, streamed from the query-service as it is read, for the verifiers. */
    @GetMapping("/export.jsonl")
    public void export(@PathVariable UUID networkId, @AuthenticationPrincipal SignedIn user,
                       HttpServletResponse response) throws IOException {
        client.queryStream(user.token(), "/api/networks/" + networkId + "/export", () -> {
            response.setContentType("application/x-ndjson");
            response.setHeader("Content-Disposition", "attachment; filename=\"network-" + networkId + ".jsonl\"");
            try {
                return response.getOutputStream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** The platform's public key as the file the verifiers read ({@code --public-key samenspel-key.pem}). */
    @GetMapping("/samenspel-key.pem")
    public void publicKey(@PathVariable UUID networkId, @AuthenticationPrincipal SignedIn user,
                          HttpServletResponse response) throws IOException {
        client.network(user.token(), networkId); // only for those who may see this network (the key is public)
        String pem = client.queryJson(user.token(), "/api/checkpoint-key", Map.of()).path("pem").asText();
        response.setContentType("application/x-pem-file");
        response.setHeader("Content-Disposition", "attachment; filename=\"samenspel-key.pem\"");
        response.getOutputStream().write(pem.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    // ------------------------------------------------------------------------------------------------------ helpers

    /**
     * What every tab shows, for the network's coordinators and auditors only (as the dashboard links here): a steering
     * member who typed the address was shown tabs and downloads that answered 403 one by one.
     */
    private void common(UUID networkId, SignedIn user, Model model, String tab) {
        if (!Coordinators.holdsAny(client.me(user.token()), networkId, "auditor", "coordinator")) {
            throw new SamenspelClient.ApiException(403);
        }
        model.addAttribute("network", client.network(user.token(), networkId));
        model.addAttribute("base", "/networks/" + networkId + "/audit");
        model.addAttribute("dashboard", "/networks/" + networkId);
        model.addAttribute("tab", tab);
        model.addAttribute("zone", Moments.zoneName(zone));
    }

    /**
     * Each entry of a page in words, as the confirmation after logging shows it: labels for fields, names for ids,
     * words for enumerations. The history showed only an entry's kind and date, and what was logged only as the
     * stored JSON, with the services' field names and ids. People are named for coordinators only, who alone read the
     * directory; without the catalogue of entry kinds (the command-service not answering) the stored form remains.
     */
    private Function<JsonNode, List<EntryForms.Line>> inWords(UUID networkId, String token, boolean coordinator,
                                                              JsonNode page, Words words) {
        String network = "/api/networks/" + networkId;
        EntryForms forms;
        try {
            EntryForms.Sources sources = new EntryForms.Sources(
                    client.queryJson(token, network + "/facts", Map.of()),
                    none -> coordinator ? client.queryJson(token, network + "/people", Map.of())
                            : JsonNodeFactory.instance.arrayNode(),
                    none -> page);
            forms = new EntryForms(catalogue.catalogue(), words, sources, LocalDate.now(zone));
        } catch (SamenspelClient.ApiException unavailable) {
            return e -> List.of();
        }
        return e -> forms.logged(e.path("type").asText(), e.path("payload"));
    }

    /**
     * What a corrected entry counts as now, in words: the replacement of its latest correction that was not withdrawn
     * itself; empty for an entry not corrected. The history showed "Corrected by #59, #62, #63" above the values
     * first logged, and nothing of what counts now.
     */
    private static CountsNow countsNow(JsonNode entry, Map<String, List<Correction>> corrections,
                                       Function<JsonNode, List<EntryForms.Line>> inWords, Words words) {
        List<Correction> later = corrections.getOrDefault(entry.path("eventId").asText(), List.of());
        if (later.stream().anyMatch(Correction::retraction)) {
            return null;
        }
        Correction inForce = null;
        for (Correction c : later) {
            boolean withdrawn = corrections.getOrDefault(c.eventId(), List.of()).stream().anyMatch(Correction::retraction);
            if (!c.retraction() && !withdrawn && c.replacement() != null && c.replacement().isObject()) {
                inForce = c;
            }
        }
        if (inForce == null) {
            return null;
        }
        com.fasterxml.jackson.databind.node.ObjectNode replaced = JsonNodeFactory.instance.objectNode();
        replaced.put("type", entry.path("type").asText());
        replaced.set("payload", inForce.replacement());
        List<String> said = new ArrayList<>();
        // the date too where the correction moved it: the card's heading still gives the date first logged
        String date = inForce.replacement().path("occurredOn").asText("");
        if (!date.isEmpty() && !date.equals(entry.path("occurredOn").asText())) {
            said.add(words.get("field.occurredOn") + ": " + date);
        }
        inWords.apply(replaced).forEach(l -> said.add(l.label() + ": " + l.value()));
        return new CountsNow(Long.toString(inForce.sequence()), String.join(" \u00b7 ", said));
    }

    /**
     * What the correction {@code entry} changed, value by value, against the entry it corrects as it counted just
     * before: as first logged, or as the latest correction before this one that was not withdrawn by then. A
     * correction's card showed only the values it gives, so an auditor had to find the entry corrected and compare
     * line by line. Empty when it repeats every value, null for what is no correction or whose entry is not found
     * ({@code entries}: the page's entries and the entries its corrections point at, by id).
     */
    private static List<Change> changes(JsonNode entry, Map<String, JsonNode> entries,
                                        Map<String, List<Correction>> corrections,
                                        Function<JsonNode, List<EntryForms.Line>> inWords, Words words) {
        JsonNode replacement = entry.path("payload").path("replacement");
        JsonNode original = entries.get(entry.path("payload").path("targetEventId").asText());
        if (!"EntryCorrected".equals(entry.path("type").asText()) || original == null || !replacement.isObject()) {
            return null;
        }
        long sequence = entry.path("sequenceNumber").asLong();
        JsonNode before = original.path("payload");
        for (Correction c : corrections.getOrDefault(original.path("eventId").asText(), List.of())) {
            boolean withdrawn = corrections.getOrDefault(c.eventId(), List.of()).stream()
                                           .anyMatch(r -> r.retraction() && r.sequence() < sequence);
            if (c.sequence() < sequence && !c.retraction() && !withdrawn && c.replacement().isObject()) {
                before = c.replacement();
            }
        }
        Map<String, String> was = said(original.path("type").asText(), before, inWords, words);
        Map<String, String> now = said(original.path("type").asText(), replacement, inWords, words);
        List<Change> changes = new ArrayList<>();
        now.forEach((label, value) -> {
            if (!value.equals(was.get(label))) {
                changes.add(new Change(label, was.getOrDefault(label, ""), value));
            }
        });
        was.forEach((label, value) -> {
            if (!now.containsKey(label)) {
                changes.add(new Change(label, value, ""));
            }
        });
        return changes;
    }

    /**
     * An entry's values in words by their labels, its date first, as the history shows an entry of {@code type} with
     * {@code payload}; an anonymous answer without what the history leaves out of it.
     */
    private static Map<String, String> said(String type, JsonNode payload,
                                            Function<JsonNode, List<EntryForms.Line>> inWords, Words words) {
        com.fasterxml.jackson.databind.node.ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("type", type);
        entry.set("payload", payload);
        JsonNode shown = withoutRespondent(entry);
        Map<String, String> said = new LinkedHashMap<>();
        if (shown.path("payload").hasNonNull("occurredOn")) {
            said.put(words.get("field.occurredOn"), shown.path("payload").path("occurredOn").asText());
        }
        inWords.apply(shown).forEach(line -> said.put(line.label(), line.value()));
        return said;
    }

    /** Who corrected or retracted what, across the whole log: target event id to its corrections. */
    private Map<String, List<Correction>> corrections(UUID networkId, String token, Words words) {
        Map<String, List<Correction>> byTarget = new HashMap<>();
        long next = 0;
        for (int pages = 0; pages < 20; pages++) {
            Map<String, Object> query = new HashMap<>();
            query.put("type", List.of("entry-corrected", "entry-retracted"));
            query.put("fromSequence", next);
            query.put("limit", 1000);
            JsonNode page = client.queryJson(token, "/api/networks/" + networkId + "/events", query);
            for (JsonNode c : page) {
                long sequence = c.path("sequenceNumber").asLong();
                byTarget.computeIfAbsent(c.path("payload").path("targetEventId").asText(), k -> new ArrayList<>())
                        .add(new Correction(sequence, kind(words, c.path("type").asText()),
                                            historyUrl(networkId, sequence),
                                            "EntryRetracted".equals(c.path("type").asText()),
                                            c.path("eventId").asText(), c.path("payload").path("replacement")));
                next = sequence + 1;
            }
            if (page.size() < 1000) {
                break;
            }
        }
        return byTarget;
    }

    private static String historyUrl(UUID networkId, long sequence) {
        return "/networks/" + networkId + "/audit/history?fromSequence=" + sequence + "#entry-" + sequence;
    }

    /** Wire name and label of every kind, in the catalogue's order, for the history's filter. */
    private static List<Map.Entry<String, String>> kinds(Words words) {
        return EntryKinds.TYPES.stream().map(type -> Map.entry(EntryKinds.wireName(type), kind(words, type))).toList();
    }

    private static String kind(Words words, String type) {
        return EntryKinds.label(words, type);
    }

    private static String status(JsonNode indicator) {
        return indicator.isMissingNode() || indicator.isNull() ? "NA" : indicator.path("status").asText("NA");
    }

    /** An indicator of the comparison's answer, or null where the month has none. */
    private static SamenspelClient.Indicator parsed(String id, JsonNode indicator) {
        return indicator.isMissingNode() || indicator.isNull() ? null
                : new SamenspelClient.Indicator(id, indicator.path("name").asText(), indicator.path("status").asText(),
                                                indicator.path("figures"), List.of(), null);
    }

    private String moment(String instant) {
        return Moments.local(instant, zone);
    }

    private static LocalDate parseDate(String text, Map<String, String> errors, Words words) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.put("date", words.get("audit.error.date"));
            return null;
        }
    }

    /** A moment as the form sends it (local date and time, seconds optional), read in the pages' time zone. */
    private Instant parseMoment(String text, Map<String, String> errors, Words words) {
        try {
            LocalDateTime local = LocalDateTime.parse(text.strip());
            List<java.time.ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                // a time the clocks skipped (02:30 on the night summer time starts) was read as 03:30 without a word
                errors.put("knownAt", words.get("audit.error.momentSkipped", local.toLocalTime().toString()));
                return null;
            }
            // a time that happened twice (the night summer time ends) is read as the first, and the page says so
            Instant moment = local.atZone(zone).toInstant();
            Instant now = Instant.now();
            if (moment.isAfter(now)) {
                // said on the page's clock, as the moment was typed, not as the service's instant in UTC
                errors.put("knownAt", words.get("audit.error.momentFuture",
                                                moment(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())));
                return null;
            }
            return moment;
        } catch (DateTimeParseException e) {
            errors.put("knownAt", words.get("audit.error.moment"));
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
