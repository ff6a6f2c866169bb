package nl.samenspel.health.sharing;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.NetworkState;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How each active partner experiences the balance of give and take: its latest {@link BalanceAssessed}. */
public final class BalanceRatings {
    /** Each partner's latest rating so far, active or not, as part of the network state. */
    public static final NetworkState.Part<Map<UUID, Fact<BalanceAssessed>>> LATEST =
            NetworkState.latest(BalanceAssessed.class, BalanceAssessed::partnerId);

    private BalanceRatings() {
    }

    static Map<UUID, Fact<BalanceAssessed>> latest(MonthContext month) {
        Map<UUID, Fact<BalanceAssessed>> latest = new LinkedHashMap<>();
        month.state(LATEST).forEach((partner, assessed) -> {
            if (month.roster().isActive(partner, month.end())) {
                latest.put(partner, assessed);
            }
        });
        return latest;
    }

    static List<Fact<BalanceAssessed>> unfair(MonthContext month) {
        return latest(month).values().stream().filter(a -> a.event().rating() == BalanceRating.UNFAIR).toList();
    }
}
