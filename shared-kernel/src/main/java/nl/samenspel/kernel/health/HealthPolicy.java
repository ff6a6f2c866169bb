package nl.samenspel.kernel.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The thresholds and windows of the health indicators and alerts (domain.md §5 and §5a), with the defaults the
 * domain gives. A network can override any of them ({@link HealthPolicyChanged}); the source gives concepts, not
 * numbers, so every number here is a default, never a truth.
 */
public final class HealthPolicy {
    private static final Map<String, Double> DEFAULTS;
    private static final Map<String, Range> RANGES;
    private static final HealthPolicy DEFAULT_POLICY;

    /** The values a key may take: {@code min..max}, whole numbers only for counts, days and months. */
    public record Range(double min, double max, boolean whole) {

        boolean admits(double value) {
            return !Double.isNaN(value) && value >= min && value <= max && (!whole || value == Math.rint(value));
        }

        String describe() {
            return whole ? "must be a whole number from " + (long) min + " to " + (long) max
                    : "must be a number from " + min + " to " + max;
        }
    }

    private static final Range SHARE = new Range(0, 1, false);
    private static final Range DAYS = new Range(1, 3650, true);
    private static final Range MONTHS = new Range(1, 120, true);
    private static final Range COUNT = new Range(1, 1000, true);

    static {
        Map<String, Double> d = new LinkedHashMap<>();
        Map<String, Range> r = new LinkedHashMap<>();
        // Each key with its range: a window of 0 would divide by zero or end every state at once, a share above 1
        // could never be reached, a median threshold outside the 1–5 scale would never or always hold.
        put(d, r, "fiveConditions.alertMedian", 2.0, new Range(1, 5, false));
        put(d, r, "fiveConditions.watchMedian", 3.0, new Range(1, 5, false));
        put(d, r, "fiveConditions.perceptionGap", 3.0, new Range(1, 5, true)); // 5 switches it off
        put(d, r, "ambition.graceDays", 30.0, new Range(0, 3650, true));
        put(d, r, "ambition.freshnessDays", 365.0, DAYS);
        put(d, r, "promises.windowMonths", 12.0, MONTHS);
        put(d, r, "giveTake.windowMonths", 12.0, MONTHS);
        put(d, r, "energy.attendanceShare", 0.5, new Range(0.01, 1, false));
        put(d, r, "energy.smoothingMonths", 3.0, new Range(1, 12, true));
        put(d, r, "dip.energyRatio", 0.7, new Range(0.01, 1, false));
        put(d, r, "dip.restartRatio", 0.85, new Range(0.01, 1, false));
        put(d, r, "dip.restartMonths", 2.0, new Range(1, 12, true));
        put(d, r, "dip.elevatedRisk", 3.0, new Range(1, 9, true));
        put(d, r, "dip.highRisk", 5.0, new Range(1, 9, true));
        put(d, r, "drivers.windowDays", 90.0, new Range(1, 730, true));
        put(d, r, "drivers.meetingLoadRatio", 1.3, new Range(1, 10, false));
        put(d, r, "drivers.meetingLoadMinimum", 3.0, COUNT);
        put(d, r, "drivers.structureRatio", 2.0, new Range(1, 10, false));
        put(d, r, "drivers.structureMinimum", 2.0, COUNT);
        put(d, r, "drivers.pledgeAgeDays", 90.0, DAYS);
        put(d, r, "vitality.analysisMonths", 24.0, MONTHS);
        put(d, r, "vitality.endorsementShare", 0.75, SHARE);
        put(d, r, "vitality.subCoalitionPartners", 4.0, COUNT);
        put(d, r, "vitality.leadershipPeople", 3.0, COUNT);
        put(d, r, "vitality.leadershipPartners", 2.0, COUNT);
        put(d, r, "vitality.okScore", 4.0, new Range(1, 4, true));
        put(d, r, "vitality.watchScore", 2.0, new Range(1, 4, true));
        put(d, r, "people.windowMonths", 12.0, MONTHS);
        put(d, r, "people.successorDays", 60.0, DAYS);
        put(d, r, "people.figureEightDays", 180.0, DAYS);
        put(d, r, "leadership.concentration", 0.8, SHARE);
        put(d, r, "leadership.minimumRoles", 3.0, COUNT);
        put(d, r, "contact.windowMonths", 6.0, MONTHS);
        put(d, r, "contact.informalShare", 0.1, SHARE);
        put(d, r, "contact.minimumMeetings", 4.0, COUNT);
        put(d, r, "capitals.windowMonths", 12.0, MONTHS);
        put(d, r, "capitals.economicShare", 0.7, SHARE);
        put(d, r, "capitals.minimumClaims", 5.0, COUNT);
        put(d, r, "temperature.windowDays", 90.0, DAYS);
        put(d, r, "cancellations.windowDays", 60.0, DAYS);
        put(d, r, "cancellations.count", 2.0, COUNT);
        put(d, r, "conflict.stuckDays", 30.0, DAYS);
        put(d, r, "conflict.stuckStep", 2.0, new Range(1, 5, true));
        put(d, r, "evaluation.cadenceDays", 365.0, DAYS);
        put(d, r, "evaluation.followThrough", 0.5, SHARE);
        put(d, r, "evaluation.followThroughMonths", 12.0, MONTHS);
        put(d, r, "success.governanceMonths", 6.0, MONTHS);
        put(d, r, "board.openDays", 180.0, DAYS);
        put(d, r, "phase.windingDownShare", 0.5, SHARE);
        put(d, r, "phase.windingDownAfterMonths", 6.0, MONTHS);
        put(d, r, "phase.restartMonths", 6.0, MONTHS);
        put(d, r, "phase.reassessmentDays", 90.0, DAYS);
        put(d, r, "phase.reassessmentAfterMonths", 24.0, MONTHS);
        put(d, r, "phase.executionRatio", 0.5, SHARE);
        put(d, r, "phase.executionMonths", 3.0, new Range(1, 12, true));
        put(d, r, "phase.outOfStepDays", 60.0, DAYS);
        DEFAULTS = Collections.unmodifiableMap(d);
        RANGES = Collections.unmodifiableMap(r);
        DEFAULT_POLICY = new HealthPolicy(DEFAULTS);
    }

    private static void put(Map<String, Double> defaults, Map<String, Range> ranges, String key, double value, Range range) {
        defaults.put(key, value);
        ranges.put(key, range);
    }

    private final Map<String, Double> values;

    private HealthPolicy(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The defaults; one instance, as a policy cannot be changed (the health model asks for it every month). */
    public static HealthPolicy defaults() {
        return DEFAULT_POLICY;
    }

    public static Set<String> keys() {
        return DEFAULTS.keySet();
    }

    /** The values {@code key} may take. */
    public static Range range(String key) {
        Range range = RANGES.get(key);
        if (range == null) {
            throw new IllegalArgumentException("No health policy setting " + key);
        }
        return range;
    }

    public static double defaultOf(String key) {
        return DEFAULTS.get(key);
    }

    /**
     * Why a value cannot be the override of a key (unknown key, or outside the key's range), or empty when it can.
     * The command side refuses such an override with this message on the field {@code overrides.<key>}.
     */
    public static Optional<String> problem(String key, Double value) {
        Range range = RANGES.get(key);
        if (range == null) {
            return Optional.of("is not a health policy setting; one of: " + String.join(", ", DEFAULTS.keySet()));
        }
        return value != null && range.admits(value) ? Optional.empty() : Optional.of(range.describe());
    }

    /**
     * This policy with some values replaced. Unknown keys and values outside a key's range are refused by the command
     * side before they get here; should one be in the log anyway (logged before the ranges existed), it is ignored.
     */
    public HealthPolicy with(Map<String, Double> overrides) {
        Map<String, Double> merged = new LinkedHashMap<>(values);
        overrides.forEach((key, value) -> {
            if (problem(key, value).isEmpty()) {
                merged.put(key, value);
            }
        });
        return new HealthPolicy(merged);
    }

    public double get(String key) {
        Double value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("No health policy setting " + key);
        }
        return value;
    }

    public int days(String key) {
        return (int) Math.round(get(key));
    }

    public Map<String, Double> values() {
        return values;
    }
}
