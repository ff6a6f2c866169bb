package nl.samenspel.health;

/** One health indicator (H1–H17 of domain.md §5): a small policy that reads a month and answers a value. */
public interface Indicator {

    String id();

    IndicatorValue evaluate(MonthContext month);
}
