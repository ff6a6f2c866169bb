package nl.samenspel.health.dip;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.MonthHealth;
import nl.samenspel.health.Status;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.evaluation.ImprovementActionCompleted;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.exchange.ContributionStatus;
import nl.samenspel.kernel.exchange.ContributionStatusChanged;
import nl.samenspel.kernel.exchange.ValueRealised;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.structure.SubCoalitionFormed;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * H5, network energy (netwerkenergie) and the dip phase: the line a chart draws as the dip curve (domain.md §5.4).
 *
 * <p>Raw energy of a month = productive events in the calendar month ÷ active partners at the end of the month.
 * Productive: a meeting attended by at least {@code energy.attendanceShare} of the partners active on its day
 * (counting distinct partners), a contribution delivered (recorded as delivered, or its status changed to
 * delivered), an agreement kept, value realised with evidence, a sub-coalition formed, an improvement action
 * completed. The smoothed energy is the mean raw energy of this month and the {@code energy.smoothingMonths} − 1
 * months before it, taken from the H5 figures of earlier months (months without a raw figure — no active partner —
 * are left out, so the first months average over what there is). The peak is the highest smoothed energy so far,
 * this month included; the ratio is smoothed ÷ peak.
 *
 * <p>The phase is a small state machine over the months, read from the previous month's figures:
 * <ul>
 *   <li>{@code start}: the network has not been in a dip (the energetic start and normal running);</li>
 *   <li>{@code in-dip}: entered in the first month with smoothed ≤ {@code dip.energyRatio} × peak and dip risk (H6)
 *       ≥ {@code dip.elevatedRisk}. A dip is a state, not a monthly verdict: it lasts until the restart, even when
 *       drivers fade while energy is still low, so that a single better month does not end it;</li>
 *   <li>{@code restart} (doorstart): entered in the month the ratio has been ≥ {@code dip.restartRatio} for
 *       {@code dip.restartMonths} consecutive months while in the dip, and kept afterwards as the phase after a dip.
 *       A restarted network can fall into a new dip by the same rule.</li>
 * </ul>
 * H6 must be known for the month: the catalogue registers H6 before H5; should a model lack H6, H5 computes it itself.
 *
 * <p>The current month is provisional until it ends (domain.md §5.10): its {@code rawEnergy} counts the days so far,
 * but it is left out of smoothing — {@code smoothedEnergy}, {@code peakEnergy} and {@code ratio} are those of the
 * last complete month — and it neither starts nor ends a dip or a restart (the phase and the recovery streak are
 * carried over). It carries {@code provisional: true}. When the month has ended it is computed as any other.
 *
 * <p>Figures: {@code rawEnergy}, {@code smoothedEnergy}, {@code peakEnergy} (doubles), {@code ratio} (double; absent
 * while the peak is 0), {@code phase} ("start", "in-dip", "restart"), {@code phaseChanged} (true in the month the
 * phase was entered), {@code recoveryStreak} (consecutive months at or above the restart ratio while in the dip),
 * {@code dipRisk} (H6's count), {@code productiveEvents} (int), {@code productiveByKind} (map: meetings,
 * contributionsDelivered, agreementsKept, valueRealised, subCoalitionsFormed, improvementActionsCompleted),
 * {@code activePartners} (int). With no active partner only {@code phase}, {@code recoveryStreak} and
 * {@code activePartners} are given.
 *
 * <p>Evidence: the productive events of every month the smoothed energy averages (this month's last), so that what
 * explain lists is what the value rests on; in the provisional month, the evidence of the last complete month (whose
 * value it shows) and this month's productive events so far.
 *
 * <p>Status: NA without an active partner or before the first productive event (no peak to compare with); ALERT in
 * a dip; WATCH when the ratio is at or below {@code dip.energyRatio} without enough drivers for a dip; OK otherwise.
 */
public final class NetworkEnergy implements Indicator {
    public static final String ID = "H5";
    public static final String START = "start";
    public static final String IN_DIP = "in-dip";
    public static final String RESTART = "restart";
    private static final String NAME = "Network energy";

    @Override
    public String id() {
        return ID;
    }

    /** Reads earlier months: smoothing, the peak and the phase come from them. */
    @Override
    public boolean readsEarlierMonths() {
        return true;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        String previousPhase = lastFigure(month, "phase", String.class, START);
        int previousStreak = lastFigure(month, "recoveryStreak", Number.class, 0).intValue();
        Set<UUID> active = month.activePartners();
        if (active.isEmpty()) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("phase", previousPhase);
            figures.put("phaseChanged", false);
            figures.put("recoveryStreak", previousStreak);
            figures.put("activePartners", 0);
            return new IndicatorValue(ID, NAME, Status.NA, Collections.unmodifiableMap(figures), List.of());
        }

        Map<String, List<String>> productive = productiveEvents(month);
        int count = productive.values().stream().mapToInt(List::size).sum();
        double raw = (double) count / active.size();

        int smoothingMonths = (int) Math.round(month.setting("energy.smoothingMonths"));
        List<Double> recent = new ArrayList<>();
        List<MonthHealth> previous = month.previous();
        YearMonth averagedFrom = month.month();
        for (int i = Math.max(0, previous.size() - (smoothingMonths - 1)); i < previous.size(); i++) {
            IndicatorValue h5 = previous.get(i).indicator(ID);
            if (h5 != null && h5.figure("rawEnergy") instanceof Number n) {
                recent.add(n.doubleValue());
                averagedFrom = averagedFrom.equals(month.month()) ? previous.get(i).month() : averagedFrom;
            }
        }
        recent.add(raw);
        double smoothed = recent.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double peak = smoothed;
        for (MonthHealth earlier : previous) {
            IndicatorValue h5 = earlier.indicator(ID);
            if (h5 != null && h5.figure("smoothedEnergy") instanceof Number n) {
                peak = Math.max(peak, n.doubleValue());
            }
        }
        IndicatorValue before = lastComputed(month);
        boolean carried = month.provisional() && before != null;
        if (carried) {
            // The month is not over: its few days so far would read as a collapse of energy, so the line stays
            // where the last complete month left it and the month is left out of smoothing until it ends.
            smoothed = before.number("smoothedEnergy");
            peak = before.number("peakEnergy");
        }
        Double ratio = peak > 0 ? smoothed / peak : null;
        int risk = dipRisk(month);

        String phase = previousPhase;
        int streak = 0;
        if (carried) {
            streak = previousStreak;
        } else if (IN_DIP.equals(previousPhase)) {
            streak = ratio != null && ratio >= month.setting("dip.restartRatio") ? previousStreak + 1 : 0;
            if (streak >= month.setting("dip.restartMonths")) {
                phase = RESTART;
            }
        } else if (ratio != null && ratio <= month.setting("dip.energyRatio") && risk >= month.setting("dip.elevatedRisk")) {
            phase = IN_DIP;
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("rawEnergy", raw);
        figures.put("smoothedEnergy", smoothed);
        figures.put("peakEnergy", peak);
        if (ratio != null) {
            figures.put("ratio", ratio);
        }
        figures.put("phase", phase);
        figures.put("phaseChanged", !phase.equals(previousPhase));
        figures.put("recoveryStreak", streak);
        figures.put("dipRisk", risk);
        // what a dip needs, and a restart after it, as this network's policy says it: a page can then say why low
        // energy is not a dip, and how long energy must hold for a restart
        figures.put("dipEnergyRatio", month.setting("dip.energyRatio"));
        figures.put("dipRiskNeeded", (int) month.setting("dip.elevatedRisk"));
        figures.put("restartRatio", month.setting("dip.restartRatio"));
        figures.put("restartMonths", month.days("dip.restartMonths"));
        figures.put("productiveEvents", count);
        Map<String, Object> byKind = new LinkedHashMap<>();
        productive.forEach((kind, ids) -> byKind.put(kind, ids.size()));
        figures.put("productiveByKind", Collections.unmodifiableMap(byKind));
        figures.put("activePartners", active.size());
        if (month.provisional()) {
            figures.put("provisional", true);
        }

        Status status;
        if (ratio == null) {
            status = Status.NA;
        } else if (IN_DIP.equals(phase)) {
            status = Status.ALERT;
        } else if (ratio <= month.setting("dip.energyRatio")) {
            status = Status.WATCH;
        } else {
            status = Status.OK;
        }
        List<String> evidence = productive.values().stream().flatMap(List::stream).toList();
        List<String> behind;
        if (carried) {
            behind = NetworkFacts.evidence(before.evidence(), evidence);
        } else if (averagedFrom.equals(month.month())) {
            behind = NetworkFacts.evidence(evidence);
        } else {
            List<String> earlier = productiveEvents(month, averagedFrom.atDay(1).minusDays(1),
                                                    month.month().atDay(1).minusDays(1))
                    .values().stream().flatMap(List::stream).toList();
            behind = NetworkFacts.evidence(earlier, evidence);
        }
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), behind);
    }

    /** The productive events of the calendar month (up to its end), by kind. */
    static Map<String, List<String>> productiveEvents(MonthContext month) {
        return productiveEvents(month, month.month().atDay(1).minusDays(1), month.end());
    }

    /** The productive events after {@code before} up to {@code end}, by kind. */
    private static Map<String, List<String>> productiveEvents(MonthContext month, LocalDate before, LocalDate end) {
        double share = month.setting("energy.attendanceShare");
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        byKind.put("meetings", month.between(MeetingHeld.class, before, end).stream()
                                    .filter(m -> wellAttended(month, m, share)).map(Fact::id).toList());
        List<String> delivered = new ArrayList<>();
        month.between(ContributionRecorded.class, before, end).stream()
             .filter(c -> c.event().status() == ContributionStatus.DELIVERED).forEach(c -> delivered.add(c.id()));
        month.between(ContributionStatusChanged.class, before, end).stream()
             .filter(c -> c.event().status() == ContributionStatus.DELIVERED).forEach(c -> delivered.add(c.id()));
        byKind.put("contributionsDelivered", List.copyOf(delivered));
        byKind.put("agreementsKept", month.between(AgreementOutcomeRecorded.class, before, end).stream()
                                          .filter(o -> o.event().outcome() == AgreementOutcome.KEPT).map(Fact::id).toList());
        byKind.put("valueRealised", month.between(ValueRealised.class, before, end).stream()
                                         .filter(v -> v.event().evidence() != null && !v.event().evidence().isBlank())
                                         .map(Fact::id).toList());
        byKind.put("subCoalitionsFormed", month.between(SubCoalitionFormed.class, before, end).stream().map(Fact::id).toList());
        byKind.put("improvementActionsCompleted",
                   month.between(ImprovementActionCompleted.class, before, end).stream().map(Fact::id).toList());
        return byKind;
    }

    private static boolean wellAttended(MonthContext month, Fact<MeetingHeld> meeting, double share) {
        Set<UUID> activeThen = month.roster().activeOn(meeting.on());
        if (activeThen.isEmpty()) {
            return false;
        }
        Set<UUID> present = meeting.event().attendance().stream().map(Attendance::partnerId)
                                   .filter(activeThen::contains).collect(Collectors.toSet());
        return present.size() >= share * activeThen.size();
    }

    private static int dipRisk(MonthContext month) {
        IndicatorValue h6 = month.indicator(DipRisk.class);
        if (h6 == null) {
            h6 = new DipRisk().evaluate(month);
        }
        return h6.figure("dipRisk") instanceof Number n ? n.intValue() : 0;
    }

    /** The H5 value of the latest earlier month that measured energy, or null. */
    private static IndicatorValue lastComputed(MonthContext month) {
        List<MonthHealth> previous = month.previous();
        for (int i = previous.size() - 1; i >= 0; i--) {
            IndicatorValue h5 = previous.get(i).indicator(ID);
            if (h5 != null && h5.figure("smoothedEnergy") instanceof Number) {
                return h5;
            }
        }
        return null;
    }

    private static <T> T lastFigure(MonthContext month, String key, Class<T> type, T otherwise) {
        List<MonthHealth> previous = month.previous();
        for (int i = previous.size() - 1; i >= 0; i--) {
            IndicatorValue h5 = previous.get(i).indicator(ID);
            if (h5 != null && type.isInstance(h5.figure(key))) {
                return type.cast(h5.figure(key));
            }
        }
        return otherwise;
    }
}
