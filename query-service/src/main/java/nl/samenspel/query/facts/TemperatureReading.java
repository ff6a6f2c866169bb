package nl.samenspel.query.facts;

import nl.samenspel.kernel.tension.Signal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A reading of the conflict thermometer (conflictthermometer), level 1 (friendly) to 4 (conflict), for the network
 * ({@code scope} "network") or for a pair of partners ({@code scope} "pair"; the pair in a fixed order, since it is
 * unordered).
 */
public record TemperatureReading(String scope, List<UUID> pair, Integer level, Set<Signal> signals, LocalDate occurredOn,
                                 String eventId) {
    public static final String NETWORK = "network";
    public static final String PAIR = "pair";

    public TemperatureReading {
        pair = pair == null ? null : Lists.copy(pair);
        signals = Lists.enumSet(Signal.class, signals);
    }

    /** The same key for the same scope, whichever way round a pair was named. */
    String scopeKey() {
        return pair == null ? NETWORK : pair.toString();
    }
}
