package nl.samenspel.web.pages;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.web.api.SamenspelClient.Indicator;

import java.util.List;
import java.util.Map;

/**
 * How the pages show each of the sixteen indicators: the figure that is its headline value, how that value reads
 * (a share, a count, money, days, a score), and which indicator an alert's evidence is explained by.
 */
public final class IndicatorCatalog {
    /** The order of the tiles: the order of the health model's catalogue (domain §5). */
    public static final List<String> IDS = List.of("H1", "H2", "H3", "H4", "H5", "H6", "H7", "H8", "H9", "H10", "H11",
                                                   "H12", "H13", "H14", "H15", "H16");
    public static final List<String> CONDITIONS = List.of("ambition", "interests", "relationship", "organisation",
                                                          "process");
    public static final List<String> CAPITALS = List.of("economic", "social", "cultural");
    public static final List<String> CAPACITIES = List.of("absorptive", "connecting", "training", "learning");
    public static final List<String> LEVELS = List.of("board", "management", "professional");
    public static final List<String> DRIVERS = List.of("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9");

    /** How a headline reads: a share, a count, money, days, a score on a scale, or a difference between two scores. */
    public enum Kind { SHARE, COUNT, EUR, DAYS, SCORE, GAP }

    /**
     * The figure, how it reads, the top of its scale where it has one (3 of the 4 ingredients), else null; and where the
     * figure is a step of an entry field's named scale (the conflict thermometer's level), that field, else null.
     */
    private record Headline(String figure, Kind kind, Integer outOf, ScaleOf scale) {
        Headline(String figure, Kind kind, Integer outOf) {
            this(figure, kind, outOf, null);
        }

        Headline(String figure, Kind kind) {
            this(figure, kind, null, null);
        }
    }

    /** The field of an entry kind whose named steps a headline shows ({@code temperature-measured}, {@code level}). */
    public record ScaleOf(String kind, String field) {
    }

    private static final Map<String, Headline> HEADLINES = Map.ofEntries(
            Map.entry("H1", new Headline("lowestMedian", Kind.SCORE, 5)),
            Map.entry("H2", new Headline("coverage", Kind.SHARE)),
            Map.entry("H3", new Headline("promiseKeeping", Kind.SHARE)),
            Map.entry("H4", new Headline("totalGivenEur", Kind.EUR)),
            Map.entry("H5", new Headline("ratio", Kind.SHARE)),
            Map.entry("H6", new Headline("dipRisk", Kind.COUNT, DRIVERS.size())),
            Map.entry("H7", new Headline("score", Kind.COUNT, 4)),
            Map.entry("H8", new Headline("turnover", Kind.SHARE)),
            Map.entry("H9", new Headline("continuity", Kind.SHARE)),
            Map.entry("H10", new Headline("closure", Kind.SHARE)),
            Map.entry("H11", new Headline("leadershipConcentration", Kind.SHARE)),
            Map.entry("H12", new Headline("coverage", Kind.COUNT, CAPITALS.size())),
            Map.entry("H13", new Headline("temperature", Kind.COUNT, 4, new ScaleOf("temperature-measured", "level"))),
            Map.entry("H14", new Headline("openConflicts", Kind.COUNT)),
            Map.entry("H15", new Headline("daysSinceLastJoint", Kind.DAYS)),
            Map.entry("H16", new Headline("connectingLearningGap", Kind.GAP)));

    /** The suggested phase: not a tile, but shown beside the phase the coordinator confirmed ({@link PhaseLine}). */
    public static final String PHASE = "H17";

    /** Which indicator explains an alert (domain §5a): its evidence is that indicator's evidence. */
    public static final Map<String, String> ALERT_INDICATOR = Map.ofEntries(
            Map.entry("A1", "H2"), Map.entry("A2", "H2"), Map.entry("A3", "H4"), Map.entry("A4", "H13"),
            Map.entry("A5", "H3"), Map.entry("A6", "H14"), Map.entry("A7", "H5"), Map.entry("A8", "H7"),
            Map.entry("A9", "H11"), Map.entry("A10", "H10"), Map.entry("A11", "H9"), Map.entry("A12", "H11"),
            Map.entry("A13", "H15"), Map.entry("A14", "H15"), Map.entry("A15", "H12"), Map.entry("A16", "H7"),
            Map.entry("A17", "H1"), Map.entry("A18", "H17"));

    private IndicatorCatalog() {
    }

    public static Kind kind(String id) {
        return HEADLINES.get(id).kind();
    }

    /** The top of the indicator's scale (a score of 1 to 5, nine drivers, four ingredients), or null. */
    public static Integer outOf(String id) {
        return HEADLINES.get(id).outOf();
    }

    /**
     * The entry field whose named steps the headline is (the conflict thermometer's level, named as its form names it),
     * else null: "4 of 4" read as full marks where it means conflict.
     */
    public static ScaleOf scale(String id) {
        return HEADLINES.get(id).scale();
    }

    /** The headline value, or null when the indicator has no data that month. */
    public static Double headline(Indicator indicator) {
        if (indicator == null || indicator.figures() == null || "NA".equals(indicator.status())) {
            return null;
        }
        String id = indicator.id();
        if ("H1".equals(id)) {
            Double lowest = null;
            for (String condition : CONDITIONS) {
                Double median = number(indicator.figures(), condition + ".median");
                if (median != null && (lowest == null || median < lowest)) {
                    lowest = median;
                }
            }
            return lowest;
        }
        if ("H15".equals(id) && number(indicator.figures(), "daysSinceLastJoint") == null) {
            return number(indicator.figures(), "daysSinceFounded");
        }
        Headline headline = HEADLINES.get(id);
        return headline == null ? null : number(indicator.figures(), headline.figure());
    }

    public static Double number(JsonNode figures, String key) {
        JsonNode value = figures == null ? null : figures.get(key);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }

    public static String text(JsonNode figures, String key) {
        JsonNode value = figures == null ? null : figures.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }
}
