package nl.samenspel.health.sharing;

import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.ambition.Stance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Optional;

/**
 * H2, the shared ambition (gedeelde ambitie): do all active partners recognise themselves in the current version of
 * the ambition, at every level, and is it kept alive (domain.md §5.2)?
 *
 * <p>Figures:
 * <ul>
 *   <li>{@code version}, {@code statedOn} (ISO date), {@code daysSinceStated}: the current version;</li>
 *   <li>{@code activePartners}; {@code endorsing} and {@code coverage}: partners whose latest stance at some level
 *       is {@code endorses}, and their share; {@code endorsingAtEveryLevel} and {@code levelCoverage}: likewise at
 *       all three levels (board, management, professional);</li>
 *   <li>{@code doubting}, {@code rejecting}: partners whose latest stance at some level is doubts, resp. rejects;</li>
 *   <li>{@code pastGrace}: active partners not endorsing more than {@code graceDays} ({@code ambition.graceDays}) days
 *       after the version was stated or they joined, whichever came later (A1);</li>
 *   <li>{@code lastRenewedOn} (ISO date) and {@code freshnessDays}: the statement or the latest endorsement of the
 *       current version since, and the days from it to the end of the month.</li>
 * </ul>
 * Status mirrors the alerts on the ambition: alert when the ambition is not shared (A1: a partner rejects it, or
 * coverage is below 1 after the grace period); watch when coverage is below 1 within the grace period or the
 * ambition has gone stale (A2); OK otherwise; NA before any ambition is stated. Evidence: the statement and every
 * latest stance of the active partners.
 */
public final class SharedAmbition implements Indicator {
    public static final String ID = "H2";
    public static final String NAME = "Shared ambition (gedeelde ambitie)";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        Optional<AmbitionPicture> found = AmbitionPicture.of(month);
        if (found.isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        AmbitionPicture ambition = found.get();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("version", ambition.version());
        figures.put("statedOn", ambition.statement().on().toString());
        figures.put("daysSinceStated", ambition.daysSinceStated());
        figures.put("activePartners", ambition.activePartners().size());
        figures.put("endorsing", ambition.endorsing());
        ambition.coverage().ifPresent(c -> figures.put("coverage", c));
        figures.put("endorsingAtEveryLevel", ambition.endorsingAtEveryLevel());
        ambition.levelCoverage().ifPresent(c -> figures.put("levelCoverage", c));
        figures.put("doubting", ambition.partnersWith(Stance.DOUBTS).size());
        figures.put("rejecting", ambition.partnersWith(Stance.REJECTS).size());
        List<UUID> pastGrace = AmbitionNotShared.pastGrace(ambition, month);
        figures.put("pastGrace", pastGrace.size());
        figures.put("graceDays", month.days("ambition.graceDays"));
        figures.put("lastRenewedOn", ambition.lastRenewal().on().toString());
        figures.put("freshnessDays", ambition.freshnessDays());

        Status status;
        if (AmbitionNotShared.holds(ambition, pastGrace)) {
            status = Status.ALERT;
        } else if (!ambition.notEndorsing().isEmpty() || AmbitionGoneStale.holds(ambition, month)) {
            status = Status.WATCH;
        } else {
            status = Status.OK;
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(ambition.statement().id());
        evidence.addAll(ambition.stanceEvidence());
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), List.copyOf(evidence));
    }
}
