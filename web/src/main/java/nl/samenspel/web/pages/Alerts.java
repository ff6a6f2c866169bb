package nl.samenspel.web.pages;

import nl.samenspel.web.api.SamenspelClient.Alert;
import nl.samenspel.web.api.SamenspelClient.AlertEpisode;
import nl.samenspel.web.api.SamenspelClient.Indicator;
import nl.samenspel.web.api.SamenspelClient.MonthHealth;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The alert cards of a month: those open at its end, those cleared in the six months before, and those cleared earlier. */
final class Alerts {
    private static final List<String> SEVERITY_ORDER = List.of("CRITICAL", "WARNING", "INFO");

    /** One alert as a steering group reads it: what, how urgent, since when, what to do, and what it rests on. */
    record Card(String id, String title, String severity, String severityWord, String since, String until,
                String detail, String detailLang, String response, int evidenceCount, String explainUrl,
                String course) {

        Card(String id, String title, String severity, String severityWord, String since, String until,
             String detail, String detailLang, String response, int evidenceCount, String explainUrl) {
            this(id, title, severity, severityWord, since, until, detail, detailLang, response, evidenceCount,
                 explainUrl, null);
        }

        /** Its severities over time, cut so that a page keeps each month whole; empty when it held one. */
        public List<Piece> coursePieces() {
            return course == null ? List.of() : Piece.of(course);
        }

        /** The detail cut where its dates stand, which a page keeps whole. */
        public List<Piece> detailPieces() {
            return Piece.of(detail);
        }
    }

    record Board(List<Card> open, List<Card> recent, List<Card> earlier) {
        /**
         * The open alerts per severity, most urgent first, as a glance at the top of the dashboard: the cards
         * themselves stand below the sixteen indicators, where a reader who stops scrolling never sees them.
         */
        public List<HomeController.AlertCount> counts() {
            Map<String, String> words = new java.util.HashMap<>();
            open.forEach(card -> words.putIfAbsent(card.severity(), card.severityWord()));
            return countBySeverity(open, Card::severity).entrySet().stream()
                    .map(e -> new HomeController.AlertCount(e.getKey(), words.get(e.getKey()), e.getValue())).toList();
        }
    }

    private Alerts() {
    }

    static Board of(List<AlertEpisode> episodes, MonthHealth month, Words words, String explainBase) {
        YearMonth selected = YearMonth.parse(month.month());
        Map<String, Alert> holding = month.alerts().stream()
                                          .collect(Collectors.toMap(Alert::id, Function.identity(), (a, b) -> a));
        Map<String, String> known = known(month, words);
        List<Card> open = new ArrayList<>();
        List<Card> recent = new ArrayList<>();
        // cleared longer ago: the dashboard listed them nowhere, so a steering member never saw that the network
        // had been through them
        List<Card> earlier = new ArrayList<>();
        for (AlertEpisode episode : episodes) {
            YearMonth raised = parse(episode.raised());
            YearMonth cleared = parse(episode.cleared());
            if (raised == null || raised.isAfter(selected)) {
                continue;
            }
            boolean openThen = cleared == null || cleared.isAfter(selected);
            Alert now = holding.get(episode.id());
            String severity = openThen && now != null && now.severity() != null ? now.severity() : episode.severity();
            // What the card says it rests on is what its link lists: the entries behind the alert in the month
            // shown, or for an alert that cleared, in the last month it held. The episode's evidence is that of its
            // first month at its worst severity: "based on one entry" stood beside a list of five, or of none.
            String explainMonth = openThen ? selected.toString() : cleared.minusMonths(1).toString();
            AlertDetail detail = openThen && now != null ? AlertDetail.of(now, words, known) : AlertDetail.NONE;
            Card card = new Card(episode.id(), openThen && now != null ? title(now, words)
                                         : said(words, episode.id(), severity, "title", episode.title()),
                                 severity, words.severity(severity), raised.toString(),
                                 openThen ? null : cleared.toString(), detail.text(), detail.lang(),
                                 openThen && now != null ? response(now, words)
                                         : said(words, episode.id(), severity, "response", episode.suggestedResponse()),
                                 openThen && now != null ? now.evidenceCount() : 0,
                                 openThen && now == null ? null : explainUrl(explainBase, episode.id(), explainMonth),
                                 course(episode, selected, words));
            (openThen ? open : cleared.isBefore(selected.minusMonths(6)) ? earlier : recent).add(card);
        }
        // Alerts the month holds but no episode lists yet (an as-of month the episodes do not reach) still show.
        for (Alert alert : month.alerts()) {
            if (open.stream().noneMatch(c -> c.id().equals(alert.id()))) {
                AlertDetail detail = AlertDetail.of(alert, words, known);
                open.add(new Card(alert.id(), title(alert, words),
                                  alert.severity(), words.severity(alert.severity()), null, null, detail.text(),
                                  detail.lang(),
                                  response(alert, words),
                                  alert.evidenceCount(), explainUrl(explainBase, alert.id(), selected.toString())));
            }
        }
        Comparator<Card> urgent = Comparator.comparingInt((Card c) -> rank(c.severity()))
                                            .thenComparing(c -> Optional.ofNullable(c.since()).orElse(""));
        open.sort(urgent);
        recent.sort(Comparator.comparing((Card c) -> c.until()).reversed());
        earlier.sort(Comparator.comparing((Card c) -> c.until()).reversed());
        return new Board(open, recent, earlier);
    }

    /**
     * "Severity: Warning 2025-07 to 2025-12, Critical since 2026-01.": each severity the episode held up to the month
     * shown, or null when it held one. The card said "Critical, open since 2025-07" of an alert that was a warning for
     * six months, and a steering group must see when it became critical (domain §5a).
     */
    static String course(AlertEpisode episode, YearMonth shown, Words words) {
        if (episode.severities() == null || !episode.severities().isArray()) {
            return null;
        }
        List<String> periods = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode period : episode.severities()) {
            YearMonth from = parse(period.path("from").asText(null));
            YearMonth until = parse(period.path("until").asText(null));
            if (from == null || from.isAfter(shown)) {
                continue;
            }
            String severity = words.severity(period.path("severity").asText());
            periods.add(until == null || until.isAfter(shown) ? words.get("alert.course.since", severity, from.toString())
                    : words.get("alert.course.between", severity, from.toString(), until.minusMonths(1).toString()));
        }
        return periods.size() < 2 ? null : words.get("alert.course", String.join(", ", periods));
    }

    /**
     * What to do about an alert that holds, in the reader's words: for a missing ingredient (A8) what helps for each
     * ingredient missing, as the model words it in English; the Dutch page named all four, also those in place.
     */
    static String response(Alert alert, Words words) {
        if ("A8".equals(alert.id())) {
            List<String> said = new ArrayList<>();
            alert.reasons().stream().filter(r -> r.code().equals("missing") && r.args().size() > 1)
                 .flatMap(r -> java.util.Arrays.stream(r.args().get(1).split("\\|")))
                 .map(label -> words.orElse("alert.A8.response." + label.replace("@ingredient.", ""), null))
                 .forEach(said::add);
            if (!said.isEmpty() && said.stream().allMatch(java.util.Objects::nonNull)) {
                return String.join(" ", said);
            }
        }
        return said(words, alert.id(), alert.severity(), "response", alert.suggestedResponse());
    }

    private static String explainUrl(String explainBase, String alert, String month) {
        return explainBase + "?alert=" + alert + "&month=" + month;
    }

    /**
     * The labels of the month's alert reasons the page words with their figures: the rule that chose the suggested
     * phase (A18 names it by number; the month's H17 carries its figures).
     */
    private static Map<String, String> known(MonthHealth month, Words words) {
        return known(month.indicator(IndicatorCatalog.PHASE), words);
    }

    /** {@link #known} from the month's suggested phase (H17). */
    static Map<String, String> known(Indicator phase, Words words) {
        Double rule = phase == null ? null : IndicatorCatalog.number(phase.figures(), "rule");
        return rule == null ? Map.of()
                : Map.of("@alert.A18.rule." + Math.round(rule), PhaseLine.rule(phase.figures(), Math.round(rule), words));
    }

    /** Open alerts per severity, most urgent first, for the home page's glance. */
    static Map<String, Long> countBySeverity(List<Alert> alerts) {
        return countBySeverity(alerts, Alert::severity);
    }

    /** {@code items} per severity, most urgent first, each severity that has any. */
    static <T> Map<String, Long> countBySeverity(List<T> items, java.util.function.Function<T, String> severityOf) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String severity : SEVERITY_ORDER) {
            long n = items.stream().filter(item -> severity.equals(severityOf.apply(item))).count();
            if (n > 0) {
                counts.put(severity, n);
            }
        }
        return counts;
    }

    private static int rank(String severity) {
        int index = SEVERITY_ORDER.indexOf(severity);
        return index < 0 ? SEVERITY_ORDER.size() : index;
    }

    private static YearMonth parse(String month) {
        return month == null || month.isBlank() ? null : YearMonth.parse(month);
    }

    /**
     * Alerts holding for one of their rules only that are titled for that rule, by alert and the code of its reasons:
     * "turnover without hand-over" (A11) for want of a rule for staff changes, beside continuity in order with every
     * hand-over made; "one-sided value" (A15) with no evidenced claim at all, beside three capitals without data.
     * Under their general titles both read as a contradiction.
     */
    private static final Map<String, String> TITLED_BY_RULE = Map.of("A11", "noRule", "A15", "noClaims");

    /** A holding alert's title in the reader's words; one holding for a rule titled for it, so ({@link #TITLED_BY_RULE}). */
    static String title(Alert alert, Words words) {
        String rule = TITLED_BY_RULE.get(alert.id());
        boolean ruleOnly = rule != null && !alert.reasons().isEmpty()
                           && alert.reasons().stream().allMatch(r -> rule.equals(r.code()));
        return ruleOnly ? words.get("alertTitle." + alert.id() + "." + rule)
                : said(words, alert.id(), alert.severity(), "title", alert.title());
    }

    /**
     * An alert's title or response ({@code part}) in the reader's words. An alert that holds in two forms has words
     * for each, by severity ({@code alert.A7.warning.title}: a dip risk, where {@code alert.A7.title} is the dip
     * itself); otherwise the alert's own, or the services' English.
     */
    static String said(Words words, String id, String severity, String part, String english) {
        String specific = severity == null ? null
                : words.orElse("alert." + id + "." + severity.toLowerCase(java.util.Locale.ROOT) + "." + part, null);
        return specific != null ? specific : words.orElse("alert." + id + "." + part, english);
    }
}
