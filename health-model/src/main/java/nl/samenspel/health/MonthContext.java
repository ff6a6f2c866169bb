package nl.samenspel.health;

import nl.samenspel.kernel.health.HealthPolicy;
import nl.samenspel.kernel.history.Standing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Everything an indicator or alert rule may look at for one month: the effective history up to the end of the month
 * (or the evaluation date), the policy in force then, who the partners were, the months computed before, and the
 * indicators already computed for this month. Windows are "the N days before the end of the month".
 */
public final class MonthContext {
    private final YearMonth month;
    private final LocalDate end;
    private final boolean provisional;
    private final HealthPolicy policy;
    private final HistoryIndex index;
    private final List<LoggedEntry> history;
    private final Roster roster;
    private final List<MonthHealth> previous;
    private final Map<String, IndicatorValue> current = new LinkedHashMap<>();
    private final Map<String, Object> derived = new HashMap<>();
    private final Map<Class<?>, Indicator> indicators;
    private final UnaryOperator<IndicatorValue> shown;
    private final Set<String> evaluating = new LinkedHashSet<>();
    private Set<UUID> activePartners;

    MonthContext(YearMonth month, LocalDate end, boolean provisional, HealthPolicy policy, HistoryIndex index,
                 List<MonthHealth> previous) {
        this(month, end, provisional, policy, index, previous, List.of(), UnaryOperator.identity());
    }

    MonthContext(YearMonth month, LocalDate end, boolean provisional, HealthPolicy policy, HistoryIndex index,
                 List<MonthHealth> previous, List<Indicator> indicators, UnaryOperator<IndicatorValue> shown) {
        this.month = month;
        this.end = end;
        this.provisional = provisional;
        this.policy = policy;
        this.index = index;
        this.history = index.upTo(end);
        this.roster = Roster.of(state(NetworkState.STANDING));
        this.previous = previous;
        this.indicators = new HashMap<>();
        indicators.forEach(i -> this.indicators.put(i.getClass(), i));
        this.shown = shown;
    }

    public YearMonth month() {
        return month;
    }

    /** The last day counted: the end of the month, or the evaluation date in the current month. */
    public LocalDate end() {
        return end;
    }

    /**
     * True for the current, unfinished month (the evaluation date lies before its last day): its figures count only
     * the days elapsed, and it must not start or end a state on the strength of entries that have not happened yet.
     */
    public boolean provisional() {
        return provisional;
    }

    public HealthPolicy policy() {
        return policy;
    }

    public double setting(String key) {
        return policy.get(key);
    }

    public int days(String key) {
        return policy.days(key);
    }

    public Roster roster() {
        return roster;
    }

    /** The partners active on the last day counted (read-only; the same set for every rule of the month). */
    public Set<UUID> activePartners() {
        if (activePartners == null) {
            activePartners = Collections.unmodifiableSet(roster.activeOn(end));
        }
        return activePartners;
    }

    public List<LoggedEntry> history() {
        return history;
    }

    /** Every fact of a kind up to the end of the month, in business order (read-only). */
    public <T> List<Fact<T>> all(Class<T> type) {
        HistoryIndex.Kind<T> kind = index.kind(type);
        return kind.facts.subList(0, kind.countUpTo(end));
    }

    /**
     * The facts of a kind up to the end of the month that {@code keys} files under {@code key}, in business order: for
     * rules that ask the same question for many keys (each partner and level). The grouping is made once per
     * timeline and remembered under {@code name}, so one name must always come with the same kind and keys.
     */
    public <T, K> List<Fact<T>> allWith(String name, Class<T> type, Function<T, Collection<K>> keys, K key) {
        HistoryIndex.Kind<T> group = index.group(name, type, keys, key);
        return group.facts.subList(0, group.countUpTo(end));
    }

    /** Facts of a kind in the {@code days} days before the end of the month. */
    public <T> List<Fact<T>> withinDays(Class<T> type, int days) {
        return between(type, end.minusDays(days), end);
    }

    /** Facts of a kind in the {@code months} months before the end of the month. */
    public <T> List<Fact<T>> withinMonths(Class<T> type, int months) {
        return between(type, end.minusMonths(months), end);
    }

    /** Facts of a kind with {@code fromExclusive < occurredOn <= toInclusive}. */
    public <T> List<Fact<T>> between(Class<T> type, LocalDate fromExclusive, LocalDate toInclusive) {
        return index.kind(type).between(fromExclusive, toInclusive.isAfter(end) ? end : toInclusive);
    }

    /**
     * A read-only view of the month that several rules fold the same way (the posts of representatives, the
     * contributions), computed once for the month under {@code key} and shared by every rule that asks for it.
     */
    @SuppressWarnings("unchecked")
    public <V> V derived(String key, Function<MonthContext, V> compute) {
        V value = (V) derived.get(key);
        if (value == null) {
            value = compute.apply(this);
            derived.put(key, value);
        }
        return value;
    }

    /** A part of the network's state as it stands at the end of the month (read-only). */
    public <S> S state(NetworkState.Part<S> part) {
        return index.stateAt(part, end);
    }

    /** Who stands where at the end of the month: partners, posts of representatives, network roles. */
    public Standing standing() {
        return state(NetworkState.STANDING);
    }

    /** The months computed before this one, oldest first. */
    public List<MonthHealth> previous() {
        return previous;
    }

    /**
     * This month's value of another indicator of the model, named by its type; computed now if it was not yet, so a
     * rule reads what it needs whatever order the indicators are registered in. Null when the model does not have
     * that indicator: a rule decides itself what it does without it.
     */
    public IndicatorValue indicator(Class<? extends Indicator> type) {
        Indicator indicator = indicators.get(type);
        return indicator == null ? null : value(indicator);
    }

    /** The value of an indicator for this month, evaluated once (evidence filtered by {@code shown}). */
    IndicatorValue value(Indicator indicator) {
        IndicatorValue value = current.get(indicator.id());
        if (value == null) {
            if (!evaluating.add(indicator.id())) {
                throw new IllegalStateException("Indicators read each other in a circle: " + evaluating);
            }
            value = shown.apply(indicator.evaluate(this));
            evaluating.remove(indicator.id());
            current.put(indicator.id(), value);
        }
        return value;
    }
}
