package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.web.api.SamenspelClient.Indicator;
import nl.samenspel.web.api.SamenspelClient.MonthHealth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static nl.samenspel.web.pages.IndicatorCatalog.number;
import static nl.samenspel.web.pages.IndicatorCatalog.text;

/**
 * The dashboard's charts as data: for each, its title, a sentence that says what it shows, the series the script
 * draws (labels already in the reader's language), and the same figures as a table for screen readers and for
 * reading without script.
 */
final class Charts {
    /** One chart; {@code data} goes to the page as JSON, {@code kind} tells the script how to draw it. */
    record Chart(String key, String kind, String title, String summary, Map<String, Object> data, Table table,
                 boolean empty) {
    }

    record Table(List<String> headers, List<List<String>> rows) {
    }

    private Charts() {
    }

    /** Energy, smoothed, ratio to peak, the phases shaded, and the active drivers per month as a band below. */
    static Chart dip(List<MonthHealth> months, Words w) {
        List<String> labels = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        List<Double> smoothed = new ArrayList<>();
        List<Double> ratio = new ArrayList<>();
        List<String> phases = new ArrayList<>();
        List<List<Object>> drivers = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            MonthHealth month = months.get(i);
            Indicator energy = month.indicator("H5");
            Indicator risk = month.indicator("H6");
            JsonNode f = energy == null ? null : energy.figures();
            labels.add(month.month());
            raw.add(number(f, "rawEnergy"));
            smoothed.add(number(f, "smoothedEnergy"));
            ratio.add(number(f, "ratio"));
            String phase = text(f, "phase");
            phases.add(phase == null ? "none" : phase);
            List<String> active = new ArrayList<>();
            JsonNode activeDrivers = risk == null || risk.figures() == null ? null : risk.figures().get("activeDrivers");
            if (activeDrivers != null) {
                for (JsonNode driver : activeDrivers) {
                    int row = IndicatorCatalog.DRIVERS.indexOf(driver.asText());
                    if (row >= 0) {
                        drivers.add(List.of(i, row, 1));
                        active.add(driver.asText());
                    }
                }
            }
            rows.add(List.of(month.month(), fmt(number(f, "rawEnergy"), w), fmt(number(f, "smoothedEnergy"), w),
                             ratio.get(i) == null ? w.get("value.none") : w.percent(ratio.get(i)),
                             w.orElse("phase." + phases.get(i), phases.get(i)), String.join(" ", active)));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("months", labels);
        data.put("raw", raw);
        data.put("smoothed", smoothed);
        data.put("ratio", ratio);
        data.put("phases", phases);
        data.put("phaseNames", names(w, "phase.", List.of("start", "in-dip", "restart")));
        data.put("drivers", drivers);
        data.put("driverNames", IndicatorCatalog.DRIVERS.stream().map(d -> d + " " + w.get("driver." + d)).toList());
        data.put("labels", Map.of("raw", w.get("chart.dip.raw"), "smoothed", w.get("chart.dip.smoothed"),
                                  "ratio", w.get("chart.dip.ratio"), "month", w.get("chart.axis.month"),
                                  "energy", w.get("chart.axis.energy"), "share", w.get("chart.axis.ratio"),
                                  "drivers", w.get("chart.dip.drivers")));
        String last = months.isEmpty() ? null : phases.get(phases.size() - 1);
        String summary = w.get("chart.dip.summary", months.size(), w.orElse("phase." + last, String.valueOf(last)));
        Indicator lastEnergy = months.isEmpty() ? null : months.get(months.size() - 1).indicator("H5");
        if (lastEnergy != null && lastEnergy.figures() != null) {
            // months at a fraction of the peak shaded "No dip": the chart says why, as the tile does
            summary += Tiles.noDip(lastEnergy.figures(), w);
        }
        return new Chart("dip", "dip", w.get("chart.dip.title"), summary, data,
                         new Table(List.of(w.get("chart.axis.month"), w.get("chart.dip.raw"), w.get("chart.dip.smoothed"),
                                           w.get("chart.dip.ratio"), w.get("chart.dip.phase"), w.get("chart.dip.drivers")),
                                   rows), months.isEmpty());
    }

    /** Given and received per partner, perceived fairness marked, and pair reciprocity as a heat map. */
    static Chart giveAndTake(Indicator h4, Words w) {
        JsonNode f = figures(h4);
        List<String> partners = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Double> given = new ArrayList<>();
        List<Double> received = new ArrayList<>();
        List<String> fairness = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        JsonNode ledger = f == null ? null : f.get("ledger");
        if (ledger != null) {
            ledger.fields().forEachRemaining(entry -> {
                JsonNode row = entry.getValue();
                ids.add(entry.getKey());
                partners.add(text(row, "name"));
                given.add(orZero(number(row, "givenEur")));
                received.add(orZero(number(row, "receivedEur")));
                String rating = text(row, "fairness");
                fairness.add(rating == null ? "" : w.orElse("fairness." + rating, rating));
                rows.add(List.of(text(row, "name"), w.eur(orZero(number(row, "givenEur"))),
                                 w.eur(orZero(number(row, "receivedEur"))),
                                 rating == null ? w.get("value.none") : w.orElse("fairness." + rating, rating)));
            });
        }
        List<List<Object>> pairs = new ArrayList<>();
        JsonNode reciprocity = f == null ? null : f.get("reciprocity");
        if (reciprocity != null) {
            for (JsonNode pair : reciprocity) {
                int a = ids.indexOf(text(pair, "partnerA"));
                int b = ids.indexOf(text(pair, "partnerB"));
                Double ratio = number(pair, "ratio");
                if (a >= 0 && b >= 0 && ratio != null) {
                    pairs.add(List.of(a, b, ratio));
                    pairs.add(List.of(b, a, ratio));
                }
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partners", partners);
        data.put("given", given);
        data.put("received", received);
        data.put("fairness", fairness);
        data.put("pairs", pairs);
        data.put("labels", Map.of("given", w.get("chart.give.given"), "received", w.get("chart.give.received"),
                                  "eur", w.get("chart.axis.eur"), "partner", w.get("chart.axis.partner"),
                                  "reciprocity", w.get("chart.give.reciprocity"),
                                  "fairness", w.get("chart.give.fairness")));
        // only a pair that gave both ways gave to each other (a ratio of 0 is one way); and "0 find the balance
        // unfair" where no partner rated it read as reassurance
        long bothWays = pairs.stream().filter(p -> ((Double) p.get(2)) > 0).count() / 2;
        boolean rated = fairness.stream().anyMatch(r -> !r.isEmpty());
        String unfair = rated ? w.get("chart.give.unfair", Math.round(orZero(number(f, "unfair"))))
                : w.get("chart.give.unrated");
        String summary = partners.isEmpty() ? w.get("chart.give.empty")
                : w.get("chart.give.summary", given.stream().filter(g -> g > 0).count(),
                        w.eur(orZero(number(f, "totalGivenEur"))), unfair, bothWays,
                        Math.round(Objects.requireNonNullElse(number(f, "windowMonths"), 12.0)));
        if (!partners.isEmpty() && received.stream().allMatch(r -> r == 0)) {
            // an empty series in the legend reads as missing data; say why it is empty
            summary += " " + w.get("chart.give.noneReceived");
        }
        return new Chart("give", "give", w.get("chart.give.title"), summary, data,
                         new Table(List.of(w.get("chart.axis.partner"), w.get("chart.give.given"),
                                           w.get("chart.give.received"), w.get("chart.give.fairness")), rows),
                         partners.isEmpty());
    }

    /** Evidenced claims, tagged contributions and the question score per capital; coverage and economic share. */
    static Chart capitals(Indicator h12, Words w) {
        JsonNode f = figures(h12);
        List<String> names = new ArrayList<>();
        List<Double> claims = new ArrayList<>();
        List<Double> contributions = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (f != null && !f.isEmpty()) {
            for (String capital : IndicatorCatalog.CAPITALS) {
                names.add(w.get("capital." + capital));
                claims.add(orZero(number(f, capital + ".claims")));
                contributions.add(orZero(number(f, capital + ".contributions")));
                scores.add(number(f, capital + ".questionMean"));
                rows.add(List.of(w.get("capital." + capital), fmt(number(f, capital + ".claims"), w),
                                 fmt(number(f, capital + ".contributions"), w),
                                 fmt(number(f, capital + ".questionMean"), w)));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("capitals", names);
        data.put("claims", claims);
        data.put("contributions", contributions);
        data.put("scores", scores);
        data.put("labels", Map.of("claims", w.get("chart.capitals.claims"),
                                  "contributions", w.get("chart.capitals.contributions"),
                                  "score", w.get("chart.capitals.score"), "count", w.get("chart.axis.count"),
                                  "capital", w.get("chart.axis.capital")));
        Double share = number(f, "economicShare");
        String summary = names.isEmpty() ? w.get("chart.capitals.empty")
                : w.get("chart.capitals.summary", Math.round(orZero(number(f, "coverage"))),
                        share == null ? w.get("value.none") : w.percent(share));
        return new Chart("capitals", "capitals", w.get("chart.capitals.title"), summary, data,
                         new Table(List.of(w.get("chart.axis.capital"), w.get("chart.capitals.claims"),
                                           w.get("chart.capitals.contributions"), w.get("chart.capitals.score")), rows),
                         names.isEmpty());
    }

    /** Median with its min–max range per condition, the perception gap, and the change since the previous round. */
    static Chart conditions(Indicator h1, Words w) {
        JsonNode f = figures(h1);
        List<String> names = new ArrayList<>();
        List<Double> medians = new ArrayList<>();
        List<Double> mins = new ArrayList<>();
        List<Double> maxs = new ArrayList<>();
        List<Double> changes = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (f != null && !f.isEmpty()) {
            for (String condition : IndicatorCatalog.CONDITIONS) {
                if (number(f, condition + ".median") == null) {
                    continue;
                }
                names.add(w.get("condition." + condition));
                medians.add(number(f, condition + ".median"));
                mins.add(number(f, condition + ".min"));
                maxs.add(number(f, condition + ".max"));
                Double change = number(f, condition + ".change");
                changes.add(change);
                String status = text(f, condition + ".status");
                rows.add(List.of(w.get("condition." + condition), fmt(number(f, condition + ".median"), w),
                                 fmt(number(f, condition + ".min"), w) + " – " + fmt(number(f, condition + ".max"), w),
                                 fmt(number(f, condition + ".gap"), w),
                                 change == null ? w.get("value.none") : signed(change, w), w.status(status)));
            }
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("conditions", names);
        data.put("median", medians);
        data.put("min", mins);
        data.put("max", maxs);
        data.put("change", changes);
        data.put("labels", Map.of("median", w.get("chart.conditions.median"), "range", w.get("chart.conditions.range"),
                                  "score", w.get("chart.axis.score5"), "condition", w.get("chart.axis.condition"),
                                  "change", w.get("chart.conditions.change")));
        String summary = names.isEmpty() ? w.get("chart.conditions.empty")
                : w.get("chart.conditions.summary", Math.round(orZero(number(f, "respondents"))), text(f, "openedOn"));
        return new Chart("conditions", "conditions", w.get("chart.conditions.title"), summary, data,
                         new Table(List.of(w.get("chart.axis.condition"), w.get("chart.conditions.median"),
                                           w.get("chart.conditions.range"), w.get("chart.conditions.gap"),
                                           w.get("chart.conditions.change"), w.get("chart.status")), rows),
                         names.isEmpty());
    }

    /** The figure eight as a grid: per partner and level, closed (a representative met at that level) or open. */
    static Chart figureEight(Indicator h10, Words w) {
        JsonNode f = figures(h10);
        List<String> partners = new ArrayList<>();
        List<List<Object>> cells = new ArrayList<>();
        Map<String, List<String>> byPartner = new LinkedHashMap<>();
        JsonNode matrix = f == null ? null : f.get("matrix");
        if (matrix != null) {
            for (JsonNode cell : matrix) {
                String partner = text(cell, "partner");
                if (!partners.contains(partner)) {
                    partners.add(partner);
                }
                int level = IndicatorCatalog.LEVELS.indexOf(text(cell, "level"));
                boolean closed = cell.path("closed").asBoolean(false);
                if (level >= 0) {
                    cells.add(List.of(level, partners.indexOf(partner), closed ? 1 : 0));
                    byPartner.computeIfAbsent(partner, p -> new ArrayList<>(List.of("", "", "")))
                             .set(level, w.get(closed ? "chart.eight.closed" : "chart.eight.open"));
                }
            }
        }
        List<List<String>> rows = new ArrayList<>();
        byPartner.forEach((partner, levels) -> {
            List<String> row = new ArrayList<>();
            row.add(partner);
            row.addAll(levels);
            rows.add(row);
        });
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partners", partners);
        data.put("levels", IndicatorCatalog.LEVELS.stream().map(l -> w.get("level." + l)).toList());
        data.put("cells", cells);
        data.put("labels", Map.of("closed", w.get("chart.eight.closed"), "open", w.get("chart.eight.open"),
                                  "level", w.get("chart.axis.level"), "partner", w.get("chart.axis.partner")));
        String summary = partners.isEmpty() ? w.get("chart.eight.empty")
                : w.get("chart.eight.summary", Math.round(orZero(number(f, "closedCells"))),
                        Math.round(orZero(number(f, "cells"))));
        List<String> headers = new ArrayList<>(List.of(w.get("chart.axis.partner")));
        IndicatorCatalog.LEVELS.forEach(l -> headers.add(w.get("level." + l)));
        return new Chart("eight", "eight", w.get("chart.eight.title"), summary, data, new Table(headers, rows),
                         partners.isEmpty());
    }

    /** The temperature between pairs of partners as a heat map, with the reading for the network as a whole. */
    static Chart thermometer(Indicator h13, Words w) {
        JsonNode f = figures(h13);
        List<String> partners = new ArrayList<>();
        List<List<Object>> pairs = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        JsonNode list = f == null ? null : f.get("pairs");
        if (list != null) {
            for (JsonNode pair : list) {
                String a = text(pair, "nameA");
                String b = text(pair, "nameB");
                for (String name : List.of(a, b)) {
                    if (!partners.contains(name)) {
                        partners.add(name);
                    }
                }
                Double level = number(pair, "level");
                pairs.add(List.of(partners.indexOf(a), partners.indexOf(b), level));
                pairs.add(List.of(partners.indexOf(b), partners.indexOf(a), level));
                rows.add(List.of(a + " – " + b, step(level, w), String.valueOf(text(pair, "measuredOn"))));
            }
        }
        Double network = number(f, "networkLevel");
        if (network != null) {
            // the reading of the network as a whole heads the table: a reading of 4 (conflict) stood in no row
            rows.add(0, List.of(w.get("chart.thermo.network"), step(network, w),
                                Objects.requireNonNullElse(text(f, "networkMeasuredOn"), w.get("value.none"))));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partners", partners);
        data.put("pairs", pairs);
        data.put("network", network);
        // the thermometer's steps by name (friendly … conflict), so the gauge says what its reading means
        List<String> steps = new ArrayList<>();
        for (int step = 1; step <= 4; step++) {
            steps.add(Objects.requireNonNullElse(EntryForms.scaleStep(w.messages(), w.locale(), "temperature-measured",
                                                                      "level", Integer.toString(step)), ""));
        }
        data.put("steps", steps);
        data.put("labels", Map.of("level", w.get("chart.thermo.level"), "partner", w.get("chart.axis.partner"),
                                  "network", w.get("chart.thermo.network")));
        // each reading with its step's name; without a reading of the network as a whole that is said in words
        // ("Network reading —" stood there)
        String summary = f == null || f.isEmpty() ? w.get("chart.thermo.empty")
                : network == null ? w.get("chart.thermo.summary.pairsOnly", step(number(f, "temperature"), w),
                                          pairs.size() / 2)
                : w.get("chart.thermo.summary", step(network, w), step(number(f, "temperature"), w), pairs.size() / 2);
        return new Chart("thermo", "thermo", w.get("chart.thermo.title"), summary, data,
                         new Table(List.of(w.get("chart.thermo.pair"), w.get("chart.thermo.level"),
                                           w.get("chart.thermo.measured")), rows),
                         f == null || f.isEmpty());
    }

    /** The four capacities of the learning-working climate (1–10), their change, and the connecting − learning gap. */
    static Chart learning(Indicator h16, Words w) {
        JsonNode f = figures(h16);
        List<String> names = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> changes = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        if (f != null && !f.isEmpty()) {
            for (String capacity : IndicatorCatalog.CAPACITIES) {
                if (number(f, capacity + ".mean") == null) {
                    continue;
                }
                names.add(w.get("capacity." + capacity));
                means.add(number(f, capacity + ".mean"));
                Double change = number(f, capacity + ".meanChange");
                changes.add(change);
                // scores of 1 to 10 with one decimal, as the bars and the tile write them ("+0.9" stood beside
                // "+1.38", and a gap of 3.19 beside the tile's +3.2)
                rows.add(List.of(w.get("capacity." + capacity), w.number(number(f, capacity + ".mean"), 1),
                                 fmt(number(f, capacity + ".median"), w), fmt(number(f, capacity + ".n"), w),
                                 change == null ? w.get("value.none") : w.signed(change, 1)));
            }
        }
        Double gap = number(f, "connectingLearningGap");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("capacities", names);
        data.put("mean", means);
        data.put("change", changes);
        data.put("gap", gap);
        data.put("labels", Map.of("mean", w.get("chart.learning.mean"), "score", w.get("chart.axis.score10"),
                                  "capacity", w.get("chart.axis.capacity"), "change", w.get("chart.learning.change")));
        String summary = names.isEmpty() ? w.get("chart.learning.empty")
                : w.get("chart.learning.summary", gap == null ? w.get("value.none") : w.signed(gap, 1));
        return new Chart("learning", "learning", w.get("chart.learning.title"), summary, data,
                         new Table(List.of(w.get("chart.axis.capacity"), w.get("chart.learning.mean"),
                                           w.get("chart.learning.median"), w.get("chart.learning.n"),
                                           w.get("chart.learning.change")), rows), names.isEmpty());
    }

    /**
     * One indicator's headline value and status in every month, the month not yet over ({@code current}, when the
     * months reach it) marked as provisional: drawn like a finished one, a dip that only a month's first days made
     * read as a fall.
     */
    static Chart timeline(String id, List<MonthHealth> months, String current, Words w) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        IndicatorCatalog.Kind kind = IndicatorCatalog.kind(id);
        for (MonthHealth month : months) {
            Indicator indicator = month.indicator(id);
            Double value = IndicatorCatalog.headline(indicator);
            // as its tile shows it: staff turnover with data is context, not "In order"
            String status = Tiles.shown(id, indicator == null || indicator.status() == null ? "NA" : indicator.status());
            labels.add(month.month());
            values.add(value);
            statuses.add(status);
            rows.add(List.of(month.month().equals(current) ? w.get("chart.timeline.provisionalMonth", month.month())
                                     : month.month(), w.value(id, value), w.status(status)));
        }
        int provisional = current == null ? -1 : labels.indexOf(current);
        String name = w.get("indicator." + id + ".name");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("months", labels);
        data.put("values", values);
        data.put("statuses", statuses);
        data.put("share", kind == IndicatorCatalog.Kind.SHARE);
        data.put("statusWords", Map.of("OK", w.status("OK"), "WATCH", w.status("WATCH"), "ALERT", w.status("ALERT"),
                                       "NA", w.status("NA"), "INFO", w.status("INFO")));
        data.put("provisional", provisional);
        data.put("labels", Map.of("value", name, "month", w.get("chart.axis.month"),
                                  "provisional", w.get("chart.timeline.provisional"),
                                  // what the indicator counts, where a kind's word ("Number") says too little
                                  "axis", w.orElse("chart.axis.value." + id, w.get("chart.axis.value." + kind.name()))));
        return new Chart("timeline", "timeline", w.get("chart.timeline.title", name),
                         (w.get("chart.timeline.summary", name, months.size())
                          + (provisional < 0 ? "" : " " + w.get("chart.timeline.provisionalNote", current)) + " "
                          + timelineNote(id, months, w)).strip(),
                         data,
                         new Table(List.of(w.get("chart.axis.month"), name, w.get("chart.status")), rows),
                         months.isEmpty());
    }

    /**
     * What a reader needs to read an indicator's timeline, where the bundles say it: for network energy why a month
     * after the dip still needs action, with the restart line and the months it takes from the latest month's figures
     * (the network's own thresholds), or in general words where the months do not give them; for an indicator that
     * counts a period, how long it is.
     */
    private static String timelineNote(String id, List<MonthHealth> months, Words w) {
        JsonNode f = months.isEmpty() ? null : figures(months.get(months.size() - 1).indicator(id));
        Double ratio = number(f, "restartRatio"), restartMonths = number(f, "restartMonths");
        if ("H5".equals(id) && ratio != null && restartMonths != null) {
            return w.get("chart.timeline.note.H5.values", w.percent(ratio), Math.round(restartMonths));
        }
        Double window = number(f, "windowMonths");
        if (window != null) {
            // a month's value counts a period up to it (give and take, turnover): not that month alone
            return w.get("chart.timeline.note.window", Math.round(window));
        }
        return w.orElse("chart.timeline.note." + id, "");
    }

    private static JsonNode figures(Indicator indicator) {
        return indicator == null || "NA".equals(indicator.status()) ? null : indicator.figures();
    }

    private static List<String> names(Words w, String prefix, List<String> keys) {
        return keys.stream().map(k -> w.get(prefix + k)).toList();
    }

    /** A reading of the conflict thermometer with its step's name: "4 · Conflict". */
    private static String step(Double level, Words w) {
        String name = level == null ? null : EntryForms.scaleStep(w.messages(), w.locale(), "temperature-measured", "level",
                                                                  Long.toString(Math.round(level)));
        return name == null ? fmt(level, w) : fmt(level, w) + " \u00b7 " + name;
    }

    private static String fmt(Double value, Words w) {
        return value == null ? w.get("value.none") : w.number(value, 2);
    }

    private static String signed(double change, Words w) {
        return w.signed(change, 2);
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
