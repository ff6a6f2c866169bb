package nl.samenspel.health.state;

import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.network.NetworkFounded;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Facts about the network as a whole that many rules need, and the way evidence lists are put together. */
public final class NetworkFacts {
    private NetworkFacts() {
    }

    public static Optional<LocalDate> foundedOn(MonthContext month) {
        return month.all(NetworkFounded.class).stream().map(f -> f.on()).findFirst();
    }

    /** True when the network already existed on {@code day}: windows that reach before the founding have no baseline. */
    public static boolean existedOn(MonthContext month, LocalDate day) {
        return foundedOn(month).map(founded -> !founded.isAfter(day)).orElse(false);
    }

    public static boolean inFoundingMonth(MonthContext month, LocalDate day) {
        return foundedOn(month).map(founded -> YearMonth.from(founded).equals(YearMonth.from(day))).orElse(false);
    }

    /** Event ids without duplicates, in the order they were first named. */
    @SafeVarargs
    public static List<String> evidence(Collection<String>... parts) {
        int total = 0;
        for (Collection<String> part : parts) {
            total += part.size();
        }
        // sized for every id at once: growing the set as it fills took longer than filling it
        LinkedHashSet<String> ids = new LinkedHashSet<>((int) (total / 0.75f) + 1);
        for (Collection<String> part : parts) {
            ids.addAll(part);
        }
        return List.copyOf(ids);
    }
}
