package nl.samenspel.health;

import java.util.Optional;

/** One alert rule (A1–A18 of domain.md §5a): holds in a month or not, with its evidence. */
public interface AlertRule {

    String id();

    Optional<Alert> evaluate(MonthContext month);
}
