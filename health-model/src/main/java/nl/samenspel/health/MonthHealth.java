package nl.samenspel.health;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Every indicator and every alert that holds, for one calendar month (computed up to {@code asOf}). A provisional
 * month is the current one, not yet ended: shown, but its figures cover only the days elapsed (domain.md §5.10).
 */
public record MonthHealth(YearMonth month, LocalDate asOf, Map<String, IndicatorValue> indicators, List<Alert> alerts,
                          boolean provisional) {

    public MonthHealth(YearMonth month, LocalDate asOf, Map<String, IndicatorValue> indicators, List<Alert> alerts) {
        this(month, asOf, indicators, alerts, false);
    }

    public IndicatorValue indicator(String id) {
        return indicators.get(id);
    }

    public boolean hasAlert(String id) {
        return alerts.stream().anyMatch(a -> a.id().equals(id));
    }
}
