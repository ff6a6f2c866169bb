package nl.samenspel.health;

import java.util.List;
import java.util.Map;

/**
 * The value of one indicator (H1–H17) in one month: its figures, its status and the ids of the events that explain
 * it ("what do we base this on?").
 */
public record IndicatorValue(String id, String name, Status status, Map<String, Object> figures, List<String> evidence) {

    public static IndicatorValue notApplicable(String id, String name) {
        return new IndicatorValue(id, name, Status.NA, Map.of(), List.of());
    }

    public Object figure(String key) {
        return figures.get(key);
    }

    public double number(String key) {
        Object value = figures.get(key);
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
