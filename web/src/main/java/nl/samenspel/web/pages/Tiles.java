package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.web.api.SamenspelClient.Indicator;
import nl.samenspel.web.api.SamenspelClient.MonthHealth;

import java.util.ArrayList;
import java.util.List;

import static nl.samenspel.web.pages.IndicatorCatalog.number;
import static nl.samenspel.web.pages.IndicatorCatalog.text;

/** The sixteen indicator tiles of one month: name in both languages, value, status as word and colour, and why. */
final class Tiles {
    /**
     * One tile; {@code status} is the API's status (OK, WATCH, ALERT, NA), which also picks the colour and icon;
     * {@code figure} says what the value counts where its name alone does not ("of lead roles with two people": a high
     * concentration is the risk), null where it does or there is no value.
     */
    record Tile(String id, String name, String otherName, String status, String statusWord, String value, String figure,
                String why, String explainUrl, String change, String timelineUrl) {
        /** The status as the page shows it (colour, icon): {@link #shown(String, String)}. */
        public String shown() {
            return Tiles.shown(id, status);
        }

        /** The change cut so that a narrow column does not break a month ("2025-" above "11"). */
        public List<Piece> changePieces() {
            return change == null ? List.of() : Piece.of(change);
        }
    }

    /**
     * The status as a page shows it: staff turnover in order is shown as context (INFO), not as "In order" with a green
     * tick. The model judges no turnover rate (domain.md sets none; the judgement is continuity's, H9, and the
     * hand-over alerts'), so its OK only says there is data, and "78 % · ✓ In order" read as reassurance.
     */
    static String shown(String id, String status) {
        return "H8".equals(id) && "OK".equals(status) ? "INFO" : status;
    }

    private Tiles() {
    }

    /**
     * The tiles of {@code month}, each saying whether its status got better or worse since {@code before} (the month
     * before it, or null): a steering group reads the dashboard once a month and asks first what changed. When the
     * reader chose that month ({@code chosen}), every tile says its figure then as well, also when its status is the
     * same: a steering group comparing this spring with the last one asks how far a figure moved, not only whether it
     * crossed a band.
     */
    static List<Tile> of(MonthHealth month, MonthHealth before, boolean chosen, Words words, String explainBase) {
        String against = chosen && before != null ? "&against=" + before.month() : "";
        List<Tile> tiles = new ArrayList<>();
        for (String id : IndicatorCatalog.IDS) {
            Indicator indicator = month.indicator(id);
            String status = indicator == null || indicator.status() == null ? "NA" : indicator.status();
            Double headline = IndicatorCatalog.headline(indicator);
            String value = words.value(id, headline);
            // without data, what is missing for this indicator, where the bundles say it
            String why = said(id, indicator, status, words);
            String signals = "OK".equals(status) ? null : signals(month, id, words);
            if (signals != null) {
                // The alerts on the indicator, each with its severity: a status an alert set says which, as its
                // figures alone may not show it; one from the indicator's own bands shows how serious its alert is
                // (a red tile beside an alert for information only); and a tile without data names the alert that
                // holds because nothing was logged.
                why = why + " " + words.get("why.signal", signals);
            }
            tiles.add(new Tile(id, words.get("indicator." + id + ".name"), words.other("indicator." + id + ".name"),
                               status, words.status(shown(id, status)), value, figure(id, headline, words), why,
                               explainBase + "?indicator=" + id + "&month=" + month.month(),
                               chosen ? compared(id, status, before, words) : change(id, status, before, words),
                               explainBase.replaceFirst("/explain$", "") + "?month=" + month.month() + against
                               + "&indicator=" + id + "#timeline"));
        }
        return tiles;
    }

    /**
     * The month the tiles of {@code selectedMonth} are compared with: the one the reader chose ({@code against}, as
     * typed in the address), when the {@code timeline} has it and it is another month, else the month before (null for
     * the first); {@code chosen} says which, and {@code notShown} what to say of a chosen month without figures.
     */
    record Against(MonthHealth month, boolean chosen, String notShown) {
        static Against of(List<MonthHealth> timeline, String selectedMonth, String against, Words words) {
            java.time.YearMonth picked = PageSupport.pickedMonth(against);
            MonthHealth chosen = picked == null ? null : timeline.stream()
                    .filter(m -> m.month().equals(picked.toString()) && !m.month().equals(selectedMonth))
                    .findFirst().orElse(null);
            if (chosen != null) {
                return new Against(chosen, true, null);
            }
            MonthHealth before = timeline.stream().filter(m -> m.month().compareTo(selectedMonth) < 0)
                                         .reduce((first, second) -> second).orElse(null);
            return new Against(before, false, PageSupport.monthNotShown(against, picked, null, words,
                                                                        "dashboard.against.notShown"));
        }

        /** The chosen month, or null when the tiles are compared with the month before. */
        String chosenMonth() {
            return chosen ? month.month() : null;
        }

        List<Tile> tiles(MonthHealth selected, Words words, String explainBase) {
            return Tiles.of(selected, month, chosen, words, explainBase);
        }
    }

    /** The order of statuses from worst to best; a status outside it (no data, context) is no better or worse. */
    private static final List<String> WORST_FIRST = List.of("ALERT", "WATCH", "OK");

    /**
     * "Better than in 2026-11 (then: Watch)", or worse, or null: when the status is the same, when either month
     * has no data for it, or for staff turnover, which is shown as context, not judged.
     */
    static String change(String id, String status, MonthHealth before, Words words) {
        Indicator earlier = before == null ? null : before.indicator(id);
        String was = earlier == null || earlier.status() == null ? null : earlier.status();
        int now = WORST_FIRST.indexOf(shown(id, status));
        int then = was == null ? -1 : WORST_FIRST.indexOf(shown(id, was));
        if (now < 0 || then < 0 || now == then) {
            return null;
        }
        return words.get(now > then ? "tile.better" : "tile.worse", before.month(), words.status(shown(id, was)));
    }

    /**
     * Against a month the reader chose: "Better than in 2025-06 (then: Watch, 48 %).", "Worse …", "Same status as in
     * 2025-06 (then: 52 %).", for a figure shown as context "In 2025-06: 61 %.", or that the month had no figures for it.
     */
    static String compared(String id, String status, MonthHealth then, Words words) {
        Indicator earlier = then.indicator(id);
        Double value = IndicatorCatalog.headline(earlier);
        if (earlier == null || earlier.status() == null || "NA".equals(earlier.status())) {
            return words.get("tile.against.none", then.month());
        }
        String was = shown(id, earlier.status());
        int now = WORST_FIRST.indexOf(shown(id, status));
        int before = WORST_FIRST.indexOf(was);
        if (value == null) {
            // a status without a figure to show: the status alone
            return now < 0 || before < 0 ? words.get("tile.against.none", then.month())
                    : now == before ? words.get("tile.against.same", then.month(), null, words.status(was))
                    : change(id, status, then, words);
        }
        String figure = words.value(id, value);
        if (now < 0 || before < 0) {
            return words.get("tile.against.context", then.month(), figure);
        }
        return now == before ? words.get("tile.against.same", then.month(), words.status(was), figure)
                : words.get(now > before ? "tile.against.better" : "tile.against.worse", then.month(),
                            words.status(was), figure);
    }

    /** What a value counts, where the bundles say it for the indicator ("of its peak energy"); null without a value. */
    static String figure(String id, Double headline, Words words) {
        return headline == null ? null : words.orElse("tile.figure." + id, null);
    }

    /**
     * The line under a value: what is missing without data, else the reason in figures. Three capitals in order with
     * no evidenced claim (a network younger than the period looked back on, which A15 does not warn yet) says why it
     * is in order, as "0 of 3" beside "In order" read as a mistake.
     */
    static String said(String id, Indicator indicator, String status, Words words) {
        if ("NA".equals(status)) {
            return noData(id, indicator, words);
        }
        String why = why(id, indicator.figures(), words);
        String note = note(id, indicator, status, words);
        return note == null ? why : why + " " + note;
    }

    /**
     * What a value needs said beside it so as not to read as a mistake, wherever it is shown (a tile, the comparison of
     * time travel), or null: three capitals in order with no evidenced claim.
     */
    static String note(String id, Indicator indicator, String status, Words words) {
        JsonNode f = indicator == null ? null : indicator.figures();
        Double claims = number(f, "claims");
        if ("H12".equals(id) && "OK".equals(status) && claims != null && claims == 0) {
            return words.get("why.H12.young");
        }
        if ("INFO".equals(shown(id, status))) {
            return words.get("why.H8.context");
        }
        if ("H10".equals(id) && "ALERT".equals(status)) {
            return boardOpenTooLong(f, words);
        }
        return "H2".equals(id) && "ALERT".equals(status) ? ambitionNotShared(f, words) : null;
    }

    /**
     * Why the figure eight needs action: a partner's board cell open longer than the network's rules allow (A10). The
     * same "8 %, 2 of 24 cells" stood beside "Watch" one month and "Action needed" the next, with the same words.
     */
    private static String boardOpenTooLong(JsonNode f, Words words) {
        List<String> open = new java.util.ArrayList<>();
        if (f != null) {
            f.path("matrix").forEach(cell -> {
                if ("board".equals(cell.path("level").asText()) && !cell.path("closed").asBoolean()) {
                    open.add(cell.path("partner").asText());
                }
            });
        }
        return words.get("why.H10.alert", words.status("ALERT"),
                         open.isEmpty() ? words.get("value.none") : String.join(", ", open));
    }

    /**
     * Why a shared ambition needs action although most partners endorse it (88 % beside "Action needed" read as a
     * mistake): a partner rejects it, or has not endorsed it within the days it is given (A1); null where the month's
     * figures do not say (health computed before they did).
     */
    private static String ambitionNotShared(JsonNode f, Words words) {
        Double rejecting = number(f, "rejecting"), late = number(f, "pastGrace"), grace = number(f, "graceDays");
        if (rejecting != null && rejecting > 0) {
            return words.get("why.H2.alert.rejecting", words.status("ALERT"), Math.round(rejecting));
        }
        return late == null || late == 0 || grace == null ? null
                : words.get("why.H2.alert.late", words.status("ALERT"), Math.round(late), Math.round(grace));
    }

    /**
     * Why a tile has no value, where the bundles say it for the indicator. Continuity without a departure to judge may
     * still have departures within the time a successor may take: then it says so, rather than that nobody left (beside
     * staff turnover counting the same departure).
     */
    static String noData(String id, Indicator indicator, Words words) {
        Double pending = indicator == null ? null : number(indicator.figures(), "pending");
        if ("H9".equals(id) && pending != null && pending > 0) {
            return words.get("why.none.H9.pending", Math.round(pending));
        }
        return words.orElse("why.none." + id, words.get("why.none"));
    }

    /** The titles of the month's alerts on this indicator, in the reader's language, or null when none holds. */
    private static String signals(MonthHealth month, String id, Words words) {
        List<String> titles = month.alerts().stream()
                                   .filter(a -> id.equals(IndicatorCatalog.ALERT_INDICATOR.get(a.id())))
                                   .map(a -> words.get("why.signal.one", Alerts.title(a, words),
                                                       words.severity(a.severity()).toLowerCase(words.locale())))
                                   .distinct().toList();
        return titles.isEmpty() ? null : String.join(", ", titles);
    }

    /** A one-line reason in figures; never names a person, only partners, counts and shares. */
    static String why(String id, JsonNode f, Words w) {
        return switch (id) {
            case "H1" -> w.get("why.H1", n(f, "respondents"), lowestCondition(f, w)) + withheld(f, w);
            case "H2" -> w.get("why.H2", n(f, "endorsing"), n(f, "activePartners"), n(f, "doubting"), n(f, "rejecting"));
            case "H3" -> w.get("why.H3", n(f, "kept"), n(f, "broken"), n(f, "cancelled"), n(f, "overdue"));
            case "H4" -> w.get("why.H4", n(f, "delivered"), n(f, "windowMonths"), n(f, "unfair"));
            case "H5" -> w.get("why.H5", d(f, "smoothedEnergy", w), d(f, "peakEnergy", w),
                               w.orElse("phase." + text(f, "phase"), String.valueOf(text(f, "phase")))) + noDip(f, w)
                               + (f.path("provisional").asBoolean(false) ? " " + w.get("why.H5.provisional") : "");
            case "H6" -> w.get("why.H6", n(f, "dipRisk"), w.orElse("risk." + text(f, "riskLevel"),
                                                                   String.valueOf(text(f, "riskLevel"))));
            case "H7" -> missingIngredients(f, w);
            case "H8" -> w.get("why.H8", n(f, "departures"), f.has("windowMonths") ? n(f, "windowMonths") : 12L);
            case "H9" -> w.get("why.H9", n(f, "continued"), n(f, "broken"), n(f, "pending"));
            case "H10" -> w.get("why.H10", n(f, "closedCells"), n(f, "cells"));
            case "H11" -> number(f, "leadershipConcentration") == null
                    ? w.get("why.H11", n(f, "leadRoles"), w.percent(orZero(f, "informalShare")))
                    // the headline is the concentration: say what it is a share of
                    : w.get("why.H11.concentration", n(f, "leadRoles"), w.percent(number(f, "leadershipConcentration")),
                            w.percent(orZero(f, "informalShare")));
            case "H12" -> w.get("why.H12", n(f, "claims"), number(f, "economicShare") == null ? w.get("value.none")
                    : w.percent(number(f, "economicShare")));
            case "H13" -> w.get("why.H13", n(f, "scopes"));
            case "H14" -> w.get("why.H14", n(f, "stuck"));
            case "H15" -> text(f, "lastJointEvaluationId") == null
                    ? w.get("why.H15.never", n(f, "cadenceDays"), n(f, "daysSinceFounded"))
                    : w.get("why.H15", n(f, "cadenceDays"), n(f, "respondingPartners"), n(f, "activePartners"));
            case "H16" -> w.get("why.H16", n(f, "respondents")) + withheld(f, w);
            default -> "";
        };
    }

    /**
     * The anonymous answers left out of an evaluation's figures, said after its respondents: fewer than three are
     * held back so that none can be singled out (domain.md §8), and the count of respondents alone read as answers
     * lost. Empty when none is.
     */
    private static String withheld(JsonNode f, Words w) {
        long withheld = n(f, "anonymousWithheld");
        return withheld > 0 ? " " + w.get("why.anonymousWithheld", withheld) : "";
    }

    private static String lowestCondition(JsonNode f, Words w) {
        String lowest = null;
        Double min = null;
        for (String condition : IndicatorCatalog.CONDITIONS) {
            Double median = number(f, condition + ".median");
            if (median != null && (min == null || median < min)) {
                min = median;
                lowest = condition;
            }
        }
        return lowest == null ? w.get("value.none") : w.get("condition." + lowest);
    }

    private static String missingIngredients(JsonNode f, Words w) {
        JsonNode missing = f == null ? null : f.get("missing");
        if (missing == null || missing.isEmpty()) {
            return w.get("why.H7.complete");
        }
        List<String> names = new ArrayList<>();
        missing.forEach(m -> names.add(w.orElse("ingredient." + m.asText(), m.asText())));
        return w.get("why.H7", String.join(", ", names));
    }

    /** A count, as a number, so the bundles can write it in the reader's language and choose singular or plural. */
    private static Long n(JsonNode f, String key) {
        Double value = number(f, key);
        return value == null ? 0L : Math.round(value);
    }

    /**
     * Where the energy is below the dip line but the network is not in a dip, why not (a dip also needs several dip
     * drivers at once): "Start" beside 9 % of the peak read as a mistake. Empty otherwise.
     */
    static String noDip(JsonNode f, Words w) {
        NoDip why = NoDip.of(f);
        return why == null ? "" : " " + w.get("why.H5.noDip", w.percent(why.line()), why.needed(), why.active());
    }

    /**
     * Network energy (H5's figures) below the dip line while too few dip drivers are active for a dip: the line, the
     * drivers a dip takes and those active; null otherwise, or where a figure is missing.
     */
    record NoDip(double line, long needed, long active) {
        static NoDip of(JsonNode f) {
            Double ratio = number(f, "ratio");
            Double line = number(f, "dipEnergyRatio");
            Double needed = number(f, "dipRiskNeeded");
            Double active = number(f, "dipRisk");
            return ratio == null || line == null || needed == null || active == null || ratio > line || active >= needed
                   || "in-dip".equals(text(f, "phase")) ? null : new NoDip(line, Math.round(needed), Math.round(active));
        }
    }

    /**
     * An energy with up to three decimals: the tile's percentage is the smoothed energy over the peak, and with two
     * (0.75 against 0.88, shown beside 86 % for 0.750 against 0.875) a reader who checks it got another figure.
     */
    private static String d(JsonNode f, String key, Words w) {
        Double value = number(f, key);
        return value == null ? w.get("value.none") : w.number(value, 3);
    }

    private static double orZero(JsonNode f, String key) {
        Double value = number(f, key);
        return value == null ? 0 : value;
    }
}
