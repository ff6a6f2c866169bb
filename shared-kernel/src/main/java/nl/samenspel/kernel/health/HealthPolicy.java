package nl.samenspel.kernel.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The thresholds and windows of the health indicators and alerts (domain.md §5 and §5a), with the defaults the
 * domain gives. A network can override any of them ({@link HealthPolicyChanged}); the source gives concepts, not
 * numbers, so every number here is a default, never a truth.
 */
public final class HealthPolicy {
    private static final Map<String, Double> DEFAULTS;

    static {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put("fiveConditions.alertMedian", 2.0);
        d.put("fiveConditions.watchMedian", 3.0);
        d.put("fiveConditions.perceptionGap", 3.0);
        d.put("ambition.graceDays", 30.0);
        d.put("ambition.freshnessDays", 365.0);
        d.put("promises.windowMonths", 12.0);
        d.put("giveTake.windowMonths", 12.0);
        d.put("energy.attendanceShare", 0.5);
        d.put("energy.smoothingMonths", 3.0);
        d.put("dip.energyRatio", 0.7);
        d.put("dip.restartRatio", 0.85);
        d.put("dip.restartMonths", 2.0);
        d.put("dip.elevatedRisk", 3.0);
        d.put("dip.highRisk", 5.0);
        d.put("drivers.windowDays", 90.0);
        d.put("drivers.meetingLoadRatio", 1.3);
        d.put("drivers.meetingLoadMinimum", 3.0);
        d.put("drivers.structureRatio", 2.0);
        d.put("drivers.structureMinimum", 2.0);
        d.put("drivers.pledgeAgeDays", 90.0);
        d.put("vitality.analysisMonths", 24.0);
        d.put("vitality.endorsementShare", 0.75);
        d.put("people.windowMonths", 12.0);
        d.put("people.successorDays", 60.0);
        d.put("people.figureEightDays", 180.0);
        d.put("leadership.concentration", 0.8);
        d.put("leadership.minimumRoles", 3.0);
        d.put("contact.windowMonths", 6.0);
        d.put("contact.informalShare", 0.1);
        d.put("contact.minimumMeetings", 4.0);
        d.put("capitals.windowMonths", 12.0);
        d.put("capitals.economicShare", 0.7);
        d.put("capitals.minimumClaims", 5.0);
        d.put("temperature.windowDays", 90.0);
        d.put("cancellations.windowDays", 60.0);
        d.put("cancellations.count", 2.0);
        d.put("conflict.stuckDays", 30.0);
        d.put("conflict.stuckStep", 2.0);
        d.put("evaluation.cadenceDays", 365.0);
        d.put("evaluation.followThrough", 0.5);
        d.put("success.governanceMonths", 6.0);
        d.put("board.openDays", 180.0);
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    private final Map<String, Double> values;

    private HealthPolicy(Map<String, Double> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static HealthPolicy defaults() {
        return new HealthPolicy(new LinkedHashMap<>(DEFAULTS));
    }

    public static Set<String> keys() {
        return DEFAULTS.keySet();
    }

    public static double defaultOf(String key) {
        return DEFAULTS.get(key);
    }

    /** This policy with some values replaced; unknown keys are refused by the command side before they get here. */
    public HealthPolicy with(Map<String, Double> overrides) {
        Map<String, Double> merged = new LinkedHashMap<>(values);
        overrides.forEach((key, value) -> {
            if (merged.containsKey(key) && value != null) {
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
