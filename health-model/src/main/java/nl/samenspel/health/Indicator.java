package nl.samenspel.health;

/** One health indicator (H1–H17 of domain.md §5): a small policy that reads a month and answers a value. */
public interface Indicator {

    String id();

    IndicatorValue evaluate(MonthContext month);

    /**
     * Whether this indicator reads the months before the one it evaluates ({@link MonthContext#previous()}); from
     * them it may read only the values of indicators that declare this too. When one month is asked for
     * ({@link HealthModel#monthFrom}), only these indicators are computed for the months before it that are not known
     * already, since nothing else of those months is read.
     */
    default boolean readsEarlierMonths() {
        return false;
    }
}
