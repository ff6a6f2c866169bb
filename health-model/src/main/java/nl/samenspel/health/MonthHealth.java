package nl.samenspel.health;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** Every indicator and every alert that holds, for one calendar month (computed up to {@code asOf}). */
public record MonthHealth(YearMonth month, LocalDate asOf, Map<String, IndicatorValue> indicators, List<Alert> alerts) {

    public IndicatorValue indicator(String id) {
        return indicators.get(id);
    }

    public boolean hasAlert(String id) {
        return alerts.stream().anyMatch(a -> a.id().equals(id));
    }
}
