package nl.samenspel.health;

import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.health.HealthPolicy;
import nl.samenspel.kernel.health.HealthPolicyChanged;
import nl.samenspel.kernel.network.NetworkFounded;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The health of a network as a pure function of its history: for every calendar month from the founding month to
 * the evaluation date, every indicator and every alert that holds. No clock inside — the evaluation date is an input —
 * so the live projection, "as of", "as known at" and replay all get the same answer from the same history.
 */
public final class HealthModel {
    private final List<Indicator> indicators;
    private final List<AlertRule> alerts;

    public HealthModel(List<Indicator> indicators, List<AlertRule> alerts) {
        this.indicators = List.copyOf(indicators);
        this.alerts = List.copyOf(alerts);
    }

    /** The model with every indicator and alert of domain.md §5 and §5a. */
    public static HealthModel standard() {
        return new HealthModel(Catalogue.indicators(), Catalogue.alerts());
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    public List<AlertRule> alerts() {
        return alerts;
    }

    /** The monthly timeline over a network's log (corrections are applied here). */
    public HealthTimeline timeline(List<LoggedEntry> log, LocalDate evaluationDate) {
        return timelineOfEffective(EffectiveHistory.of(log), evaluationDate);
    }

    /** The monthly timeline over an already effective history in business order. */
    public HealthTimeline timelineOfEffective(List<LoggedEntry> effective, LocalDate evaluationDate) {
        return timelineOf(new HistoryIndex(effective), effective, evaluationDate);
    }

    /**
     * The timeline over a log of which the first months are known already: {@code kept} must be the first months of
     * this log's timeline, from the founding month on and none missing, all finished before the evaluation date's
     * month (a finished month does not depend on the day it is looked at from). Only the months after them are
     * computed; without usable ones, every month is.
     */
    public HealthTimeline timelineFrom(List<LoggedEntry> log, LocalDate evaluationDate, List<MonthHealth> kept) {
        return timelineFromEffective(EffectiveHistory.of(log), evaluationDate, kept);
    }

    /** {@link #timelineFrom} over an already effective history in business order. */
    public HealthTimeline timelineFromEffective(List<LoggedEntry> effective, LocalDate evaluationDate, List<MonthHealth> kept) {
        return continued(new HistoryIndex(effective), effective, evaluationDate, kept);
    }

    /**
     * The health of the evaluation date's month alone, over a log of which the first months are known already
     * ({@code kept}, as for {@link #timelineFrom}): the same month {@link #timelineFrom} ends with. Of the months between
     * those and the date's month only what a later month reads is computed, the indicators that
     * {@linkplain Indicator#readsEarlierMonths() read earlier months}; such a month is used for that and never
     * returned, and reading anything else from it fails. Null when the network was founded after the date.
     */
    public MonthHealth monthFrom(List<LoggedEntry> log, LocalDate evaluationDate, List<MonthHealth> kept) {
        List<LoggedEntry> effective = EffectiveHistory.of(log);
        HistoryIndex index = new HistoryIndex(effective);
        Optional<LocalDate> founded = foundedOn(effective);
        if (founded.isEmpty() || founded.get().isAfter(evaluationDate)) {
            return null;
        }
        YearMonth last = YearMonth.from(evaluationDate);
        List<MonthHealth> months = new ArrayList<>();
        if (usable(kept, founded, last)) {
            months.addAll(kept);
        }
        YearMonth first = months.isEmpty() ? YearMonth.from(founded.get()) : months.get(months.size() - 1).month().plusMonths(1);
        for (YearMonth month = first; month.isBefore(last); month = month.plusMonths(1)) {
            months.add(readByLaterMonths(index, month, evaluationDate, Collections.unmodifiableList(new ArrayList<>(months))));
        }
        return month(index, last, evaluationDate, Collections.unmodifiableList(months));
    }

    /** A month with only the values of the indicators that read earlier months: what the months after it read. */
    private MonthHealth readByLaterMonths(HistoryIndex index, YearMonth month, LocalDate evaluationDate,
                                          List<MonthHealth> previous) {
        MonthContext context = context(index, month, evaluationDate, previous);
        Map<String, IndicatorValue> values = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            if (indicator.readsEarlierMonths()) {
                values.put(indicator.id(), context.value(indicator));
            }
        }
        return new MonthHealth(month, context.end(), new ReadByLaterMonths(month, values), List.of(), context.provisional());
    }

    /**
     * The values of a month computed only for the months after it: asking it for an indicator it does not hold means
     * a rule reads an earlier month without {@link Indicator#readsEarlierMonths() saying so}, and would read nothing.
     */
    private static final class ReadByLaterMonths extends LinkedHashMap<String, IndicatorValue> {
        private final YearMonth month;

        ReadByLaterMonths(YearMonth month, Map<String, IndicatorValue> values) {
            super(values);
            this.month = month;
        }

        @Override
        public IndicatorValue get(Object id) {
            IndicatorValue value = super.get(id);
            if (value == null) {
                throw new IllegalStateException(month + " was computed only for the indicators that read earlier months, "
                        + keySet() + "; " + id + " was read from it: that indicator must declare readsEarlierMonths()");
            }
            return value;
        }
    }

    HealthTimeline continued(HistoryIndex index, List<LoggedEntry> effective, LocalDate evaluationDate,
                             List<MonthHealth> kept) {
        YearMonth last = YearMonth.from(evaluationDate);
        if (!usable(kept, foundedOn(effective), last)) {
            return timelineOf(index, effective, evaluationDate);
        }
        List<MonthHealth> months = new ArrayList<>(kept);
        for (YearMonth month = kept.get(kept.size() - 1).month().plusMonths(1); !month.isAfter(last);
             month = month.plusMonths(1)) {
            months.add(month(index, month, evaluationDate, Collections.unmodifiableList(new ArrayList<>(months))));
        }
        return new HealthTimeline(months);
    }

    /** The founding day of an effective history, if it holds the founding. */
    private static Optional<LocalDate> foundedOn(List<LoggedEntry> effective) {
        return effective.stream().filter(e -> e.event() instanceof NetworkFounded).map(LoggedEntry::occurredOn).findFirst();
    }

    /**
     * Whether {@code kept} can stand for the first months of a timeline up to {@code last}: from the founding month on,
     * and all before {@code last}.
     */
    private static boolean usable(List<MonthHealth> kept, Optional<LocalDate> founded, YearMonth last) {
        return !kept.isEmpty() && founded.isPresent() && kept.get(0).month().equals(YearMonth.from(founded.get()))
               && kept.get(kept.size() - 1).month().isBefore(last);
    }

    HealthTimeline timelineOf(HistoryIndex index, List<LoggedEntry> effective, LocalDate evaluationDate) {
        Optional<LocalDate> founded = foundedOn(effective);
        if (founded.isEmpty() || founded.get().isAfter(evaluationDate)) {
            return new HealthTimeline(List.of());
        }
        List<MonthHealth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(founded.get()); !month.isAfter(YearMonth.from(evaluationDate));
             month = month.plusMonths(1)) {
            months.add(month(index, month, evaluationDate, Collections.unmodifiableList(new ArrayList<>(months))));
        }
        return new HealthTimeline(months);
    }

    /** One month, given the months before it (for smoothing and dip phases). */
    MonthHealth month(HistoryIndex index, YearMonth month, LocalDate evaluationDate, List<MonthHealth> previous) {
        MonthContext context = context(index, month, evaluationDate, previous);
        LocalDate end = context.end();
        Set<String> anonymous = index.stateAt(ANONYMOUS, end);
        // Each indicator is computed once, when first asked for (by another rule or here); the answer keeps this order.
        LinkedHashMap<String, IndicatorValue> values = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            values.put(indicator.id(), context.value(indicator));
        }
        List<Alert> raised = new ArrayList<>();
        for (AlertRule rule : alerts) {
            rule.evaluate(context).ifPresent(a -> raised.add(new Alert(a.id(), a.title(), a.severity(), a.detail(),
                                                                       shown(a.evidence(), anonymous), a.suggestedResponse(),
                                                                       a.reasons())));
        }
        raised.sort(Comparator.comparing(a -> Integer.parseInt(a.id().substring(1))));
        return new MonthHealth(month, end, values, raised, context.provisional());
    }

    /** A month's context: its state at its end (or the evaluation date, for the current month) and its policy. */
    private MonthContext context(HistoryIndex index, YearMonth month, LocalDate evaluationDate, List<MonthHealth> previous) {
        boolean provisional = month.atEndOfMonth().isAfter(evaluationDate);
        LocalDate end = provisional ? evaluationDate : month.atEndOfMonth();
        HistoryIndex.Kind<HealthPolicyChanged> changes = index.kind(HealthPolicyChanged.class);
        Set<String> anonymous = index.stateAt(ANONYMOUS, end);
        return new MonthContext(month, end, provisional, policyAt(changes.entries.subList(0, changes.countUpTo(end))),
                                index, previous, indicators,
                                value -> new IndicatorValue(value.id(), value.name(), value.status(),
                                                            value.figures(), shown(value.evidence(), anonymous)));
    }

    /** The ids of anonymous evaluation responses so far: never evidence, whatever a rule names (domain.md §8). */
    static final NetworkState.Part<Set<String>> ANONYMOUS = NetworkState.Part.of(List.of(EvaluationResponseRecorded.class),
            () -> new NetworkState.Fold<>() {
                private final Set<String> ids = new HashSet<>();

                @Override
                public void apply(LoggedEntry entry) {
                    if (Boolean.TRUE.equals(((EvaluationResponseRecorded) entry.event()).anonymous())) {
                        ids.add(entry.eventId());
                    }
                }

                @Override
                public Set<String> snapshot() {
                    return new Answers(ids);
                }
            });

    /**
     * The ids of anonymous answers, read-only, with a mask of their hash codes in front: every evidence id of every
     * month is looked up here, and most name no answer at all, so most lookups end at one bit.
     */
    private static final class Answers extends AbstractSet<String> {
        private final Set<String> ids;
        private final long[] mask = new long[64];

        Answers(Set<String> ids) {
            this.ids = Set.copyOf(ids);
            for (String id : this.ids) {
                int bit = id.hashCode() & 4095;
                mask[bit >>> 6] |= 1L << bit;
            }
        }

        @Override
        public boolean contains(Object o) {
            if (!(o instanceof String id)) {
                return false;
            }
            int bit = id.hashCode() & 4095;
            return (mask[bit >>> 6] & (1L << bit)) != 0 && ids.contains(id);
        }

        @Override
        public Iterator<String> iterator() {
            return ids.iterator();
        }

        @Override
        public int size() {
            return ids.size();
        }
    }

    private static List<String> shown(List<String> evidence, Set<String> anonymous) {
        if (anonymous.isEmpty()) {
            return evidence;
        }
        // most lists name no answer at all: look before copying
        int first = 0;
        while (first < evidence.size() && !anonymous.contains(evidence.get(first))) {
            first++;
        }
        if (first == evidence.size()) {
            return evidence;
        }
        List<String> shown = new ArrayList<>(evidence.subList(0, first));
        for (int i = first + 1; i < evidence.size(); i++) {
            if (!anonymous.contains(evidence.get(i))) {
                shown.add(evidence.get(i));
            }
        }
        return Collections.unmodifiableList(shown);
    }

    /** The defaults with every override logged up to the end of the month, later ones winning. */
    public static HealthPolicy policyAt(List<LoggedEntry> upTo) {
        HealthPolicy policy = HealthPolicy.defaults();
        for (LoggedEntry entry : upTo) {
            if (entry.event() instanceof HealthPolicyChanged change) {
                policy = policy.with(change.overrides());
            }
        }
        return policy;
    }
}
