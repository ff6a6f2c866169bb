package nl.samenspel.health.state;

import nl.samenspel.health.Fact;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.NetworkState;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.agreement.RuleTheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which agreements are in force on a day. A rule of play stays in force when it is once kept or broken; it stops
 * when its latest outcome says it was cancelled or renegotiated (a renegotiated rule comes back as a new agreement).
 */
public final class Agreements {
    private Agreements() {
    }

    /**
     * The agreements at a date, as part of the network state, each list in business order: those in force, and those
     * without any outcome recorded yet (open promises).
     */
    public record Book(List<Fact<AgreementMade>> inForce, List<Fact<AgreementMade>> withoutOutcome,
                       Map<RuleTheme, List<Fact<AgreementMade>>> rulesInForce) {

        public Book(List<Fact<AgreementMade>> inForce, List<Fact<AgreementMade>> withoutOutcome) {
            this(inForce, withoutOutcome, byTheme(inForce));
        }

        /** The rules of play among {@code inForce} per theme, each in business order. */
        private static Map<RuleTheme, List<Fact<AgreementMade>>> byTheme(List<Fact<AgreementMade>> inForce) {
            Map<RuleTheme, List<Fact<AgreementMade>>> rules = new EnumMap<>(RuleTheme.class);
            for (Fact<AgreementMade> a : inForce) {
                if (a.event().kind() == AgreementKind.RULE && a.event().ruleTheme() != null) {
                    rules.computeIfAbsent(a.event().ruleTheme(), t -> new ArrayList<>()).add(a);
                }
            }
            rules.replaceAll((theme, list) -> List.copyOf(list));
            return Collections.unmodifiableMap(rules);
        }
    }

    public static final NetworkState.Part<Book> BOOK = NetworkState.Part.of(
            List.of(AgreementMade.class, AgreementOutcomeRecorded.class), BookFold::new);

    public static List<Fact<AgreementMade>> inForce(MonthContext month, LocalDate day) {
        if (day.equals(month.end())) {
            return month.state(BOOK).inForce();
        }
        return month.derived("agreements.inForce." + day, m -> inForceFold(m, day));
    }

    /** The agreements made by the end of the month of which no outcome was recorded by then, in business order. */
    public static List<Fact<AgreementMade>> withoutOutcome(MonthContext month) {
        return month.state(BOOK).withoutOutcome();
    }

    /** The same reading as {@link #inForceFold}, folded forward: the latest outcome of each agreement decides. */
    private static final class BookFold implements NetworkState.Fold<Book> {
        private final List<Fact<AgreementMade>> made = new ArrayList<>();
        /** Beside each agreement made, the latest outcome of its agreement id (null: none yet). */
        private final List<AgreementOutcome> outcomes = new ArrayList<>();
        private final Map<UUID, AgreementOutcome> latest = new HashMap<>();
        private final Map<UUID, List<Integer>> madeAt = new HashMap<>();

        @Override
        public void apply(LoggedEntry entry) {
            if (entry.event() instanceof AgreementMade a) {
                made.add(new Fact<>(entry, a));
                outcomes.add(latest.get(a.agreementId()));
                madeAt.computeIfAbsent(a.agreementId(), id -> new ArrayList<>()).add(made.size() - 1);
            } else if (entry.event() instanceof AgreementOutcomeRecorded o) {
                latest.put(o.agreementId(), o.outcome());
                for (int i : madeAt.getOrDefault(o.agreementId(), List.of())) {
                    outcomes.set(i, o.outcome());
                }
            }
        }

        @Override
        public Book snapshot() {
            List<Fact<AgreementMade>> inForce = new ArrayList<>();
            List<Fact<AgreementMade>> withoutOutcome = new ArrayList<>();
            for (int i = 0; i < made.size(); i++) {
                AgreementOutcome outcome = outcomes.get(i);
                if (inForce(outcome)) {
                    inForce.add(made.get(i));
                }
                if (outcome == null) {
                    withoutOutcome.add(made.get(i));
                }
            }
            return new Book(List.copyOf(inForce), List.copyOf(withoutOutcome));
        }
    }

    private static boolean inForce(AgreementOutcome latest) {
        return latest != AgreementOutcome.CANCELLED && latest != AgreementOutcome.RENEGOTIATED;
    }

    private static List<Fact<AgreementMade>> inForceFold(MonthContext month, LocalDate day) {
        Map<UUID, AgreementOutcome> latest = new HashMap<>();
        month.all(AgreementOutcomeRecorded.class).stream().filter(o -> !o.on().isAfter(day))
             .forEach(o -> latest.put(o.event().agreementId(), o.event().outcome()));
        return month.all(AgreementMade.class).stream().filter(a -> !a.on().isAfter(day))
                    .filter(a -> inForce(latest.get(a.event().agreementId()))).toList();
    }

    public static List<Fact<AgreementMade>> rulesInForce(MonthContext month, LocalDate day, RuleTheme theme) {
        if (day.equals(month.end())) {
            return month.state(BOOK).rulesInForce().getOrDefault(theme, List.of());
        }
        return Book.byTheme(inForce(month, day)).getOrDefault(theme, List.of());
    }

    /** Governance and rule-of-play agreements: the structure a network gives itself. */
    public static boolean isStructure(AgreementMade agreement) {
        return agreement.kind() == AgreementKind.RULE || agreement.kind() == AgreementKind.GOVERNANCE;
    }
}
