package nl.samenspel.health.tension;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.NetworkState;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Thermometer readings grouped by scope: the network as a whole, or an unordered pair of partners. Pairs in which a
 * partner is no longer active are dropped: that relation is no longer part of the network.
 */
public final class Readings {
    /** Every reading so far per scope, current or not, as part of the network state. */
    public static final NetworkState.Part<Map<Scope, List<Fact<TemperatureMeasured>>>> BY_SCOPE =
            NetworkState.grouped(TemperatureMeasured.class, reading -> Scope.of(reading.pair()));

    private Readings() {
    }

    /** The network, or an unordered pair of partners ({@code a} sorts before {@code b}). */
    public record Scope(UUID a, UUID b) {
        static final Scope NETWORK = new Scope(null, null);

        public static Scope of(List<UUID> pair) {
            if (pair == null || pair.size() < 2) {
                return NETWORK;
            }
            UUID x = pair.get(0);
            UUID y = pair.get(1);
            return x.toString().compareTo(y.toString()) <= 0 ? new Scope(x, y) : new Scope(y, x);
        }

        boolean isNetwork() {
            return a == null;
        }

        String label(MonthContext month) {
            return isNetwork() ? "the network" : month.roster().name(a) + " – " + month.roster().name(b);
        }

        boolean current(Set<UUID> active) {
            return isNetwork() || (active.contains(a) && active.contains(b));
        }
    }

    /** Every reading up to the end of the month per current scope, oldest first. */
    static Map<Scope, List<Fact<TemperatureMeasured>>> byScope(MonthContext month) {
        return month.derived("readings.byScope", m -> {
            Set<UUID> active = m.activePartners();
            Map<Scope, List<Fact<TemperatureMeasured>>> byScope = new LinkedHashMap<>();
            m.state(BY_SCOPE).forEach((scope, readings) -> {
                if (scope.current(active)) {
                    byScope.put(scope, readings);
                }
            });
            return java.util.Collections.unmodifiableMap(byScope);
        });
    }

    /** The latest reading of each current scope, when it lies within {@code temperature.windowDays}. */
    static Map<Scope, Fact<TemperatureMeasured>> latestWithinWindow(MonthContext month) {
        var windowStart = month.end().minusDays(month.days("temperature.windowDays"));
        Map<Scope, Fact<TemperatureMeasured>> latest = new LinkedHashMap<>();
        byScope(month).forEach((scope, readings) -> {
            Fact<TemperatureMeasured> last = readings.get(readings.size() - 1);
            if (last.on().isAfter(windowStart)) {
                latest.put(scope, last);
            }
        });
        return latest;
    }
}
