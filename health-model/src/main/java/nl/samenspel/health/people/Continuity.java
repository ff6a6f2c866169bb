package nl.samenspel.health.people;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.health.state.Representatives;
import nl.samenspel.kernel.people.Handover;
import nl.samenspel.kernel.people.RepresentativeAppointed;
import nl.samenspel.kernel.people.RepresentativeDeparted;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * H9, continuity under turnover: the share of departures (of the last {@code people.windowMonths} months, at partners
 * still active) that were followed within {@code people.successorDays} (60) days by a successor at the same partner
 * and level, or whose handover was marked done (domain.md §5.6).
 *
 * <p>A departure still inside its 60 days, without successor and without a done handover, is {@code pending}: it is
 * neither continued nor broken yet and stays out of the share until it is decided. A partial handover is not a done
 * handover. The successor is the first appointment at the same partner and level on or after the departure day.
 *
 * <p>Figures: {@code continuity} (double; absent while nothing is decided), {@code departures}, {@code continued},
 * {@code broken}, {@code pending} (ints), {@code departuresDetail} (list of maps {@code eventId}, {@code partnerId},
 * {@code partner}, {@code level}, {@code handover}, {@code successorOn} (when found), {@code outcome}
 * continued/broken/pending).
 *
 * <p>Status: OK when every decided departure continued, WATCH when one did not (domain.md gives no threshold; any
 * break in continuity is worth a look); NA without decided departures.
 */
public final class Continuity implements Indicator {
    public static final String ID = "H9";
    private static final String NAME = "Continuity under turnover";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        List<Fact<RepresentativeDeparted>> departures = month
                .withinMonths(RepresentativeDeparted.class, (int) Math.round(month.setting("people.windowMonths")))
                .stream().filter(d -> month.roster().isActive(d.event().partnerId(), month.end())).toList();
        int continued = 0;
        int broken = 0;
        int pending = 0;
        List<Map<String, Object>> detail = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        for (Fact<RepresentativeDeparted> d : departures) {
            Optional<Fact<RepresentativeAppointed>> successor = Representatives.successor(month, d);
            String outcome;
            if (successor.isPresent() || d.event().handover() == Handover.DONE) {
                outcome = "continued";
                continued++;
            } else if (Representatives.successorWindowPassed(month, d)) {
                outcome = "broken";
                broken++;
            } else {
                outcome = "pending";
                pending++;
            }
            evidence.add(d.id());
            successor.ifPresent(s -> evidence.add(s.id()));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("eventId", d.id());
            row.put("partnerId", d.event().partnerId().toString());
            row.put("partner", month.roster().name(d.event().partnerId()));
            row.put("level", d.event().level().name().toLowerCase());
            row.put("handover", d.event().handover().name().toLowerCase());
            successor.ifPresent(s -> row.put("successorOn", s.on().toString()));
            row.put("outcome", outcome);
            detail.add(Collections.unmodifiableMap(row));
        }
        if (continued + broken == 0) {
            if (departures.isEmpty()) {
                return IndicatorValue.notApplicable(ID, NAME);
            }
            return new IndicatorValue(ID, NAME, Status.NA, figures(null, departures.size(), continued, broken, pending, detail),
                                      NetworkFacts.evidence(evidence));
        }
        double continuity = (double) continued / (continued + broken);
        return new IndicatorValue(ID, NAME, broken == 0 ? Status.OK : Status.WATCH,
                                  figures(continuity, departures.size(), continued, broken, pending, detail),
                                  NetworkFacts.evidence(evidence));
    }

    private static Map<String, Object> figures(Double continuity, int departures, int continued, int broken, int pending,
                                               List<Map<String, Object>> detail) {
        Map<String, Object> figures = new LinkedHashMap<>();
        if (continuity != null) {
            figures.put("continuity", continuity);
        }
        figures.put("departures", departures);
        figures.put("continued", continued);
        figures.put("broken", broken);
        figures.put("pending", pending);
        figures.put("departuresDetail", List.copyOf(detail));
        return Collections.unmodifiableMap(figures);
    }
}
