package nl.samenspel.health.sharing;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How each active partner experiences the balance of give and take: its latest {@link BalanceAssessed}. */
final class BalanceRatings {
    private BalanceRatings() {
    }

    static Map<UUID, Fact<BalanceAssessed>> latest(MonthContext month) {
        Map<UUID, Fact<BalanceAssessed>> latest = new LinkedHashMap<>();
        for (Fact<BalanceAssessed> assessed : month.all(BalanceAssessed.class)) {
            if (month.roster().isActive(assessed.event().partnerId(), month.end())) {
                latest.put(assessed.event().partnerId(), assessed);
            }
        }
        return latest;
    }

    static List<Fact<BalanceAssessed>> unfair(MonthContext month) {
        return latest(month).values().stream().filter(a -> a.event().rating() == BalanceRating.UNFAIR).toList();
    }
}
