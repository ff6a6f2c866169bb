package nl.samenspel.health.sharing;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.state.Agreements;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * H3, promises (afspraken nakomen): do partners do what they agreed — promise more than you can deliver, and trust
 * erodes (domain.md §5.2).
 *
 * <p>Every agreement counts as a promise between partners, whatever its kind. Promise keeping = kept ÷ (kept + broken
 * + cancelled) over the outcomes recorded in the last {@code promises.windowMonths} months; renegotiated outcomes are
 * shown but are neither kept nor broken. An outcome whose responsible partner has withdrawn no longer counts. An
 * agreement is open while no outcome has been recorded for it; it is overdue when open past its {@code dueOn} (the
 * end of the month lies after it) and at least one of its parties is still active. A renegotiated agreement is not
 * overdue: its old due date no longer holds.
 *
 * <p>Figures: {@code kept}, {@code broken}, {@code cancelled}, {@code renegotiated} (counts in the window);
 * {@code promiseKeeping} (absent when nothing was kept, broken or cancelled); {@code openAgreements};
 * {@code overdue} (count) and {@code overdueAgreements} (their titles).
 *
 * <p>Status: watch when a promise in the window was broken or cancelled or an agreement is overdue, OK otherwise, NA
 * when there is neither an outcome in the window nor an open agreement. domain.md sets no alarming level for promise
 * keeping, so the indicator never reports alert. Evidence: the counted outcomes and the overdue agreements.
 */
public final class PromiseKeeping implements Indicator {
    public static final String ID = "H3";
    public static final String NAME = "Promises (afspraken nakomen)";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        int windowMonths = (int) Math.round(month.setting("promises.windowMonths"));
        Map<AgreementOutcome, Integer> counts = new EnumMap<>(AgreementOutcome.class);
        for (AgreementOutcome outcome : AgreementOutcome.values()) {
            counts.put(outcome, 0);
        }
        List<String> evidence = new ArrayList<>();
        for (Fact<AgreementOutcomeRecorded> outcome : month.withinMonths(AgreementOutcomeRecorded.class, windowMonths)) {
            if (month.roster().isActive(outcome.event().responsiblePartnerId(), month.end())) {
                counts.merge(outcome.event().outcome(), 1, Integer::sum);
                evidence.add(outcome.id());
            }
        }
        Map<UUID, Fact<AgreementMade>> open = new LinkedHashMap<>();
        for (Fact<AgreementMade> made : Agreements.withoutOutcome(month)) {
            boolean partyActive = made.event().partyIds().stream().anyMatch(p -> month.roster().isActive(p, month.end()));
            if (partyActive) {
                open.put(made.event().agreementId(), made);
            }
        }
        List<Fact<AgreementMade>> overdue = open.values().stream()
                .filter(a -> a.event().dueOn() != null && month.end().isAfter(a.event().dueOn())).toList();

        int kept = counts.get(AgreementOutcome.KEPT);
        int decided = kept + counts.get(AgreementOutcome.BROKEN) + counts.get(AgreementOutcome.CANCELLED);
        if (decided == 0 && counts.get(AgreementOutcome.RENEGOTIATED) == 0 && open.isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("kept", kept);
        figures.put("broken", counts.get(AgreementOutcome.BROKEN));
        figures.put("cancelled", counts.get(AgreementOutcome.CANCELLED));
        figures.put("renegotiated", counts.get(AgreementOutcome.RENEGOTIATED));
        if (decided > 0) {
            figures.put("promiseKeeping", (double) kept / decided);
        }
        figures.put("openAgreements", open.size());
        figures.put("overdue", overdue.size());
        figures.put("overdueAgreements", overdue.stream().map(a -> a.event().title()).toList());
        overdue.forEach(a -> evidence.add(a.id()));

        Status status = kept < decided || !overdue.isEmpty() ? Status.WATCH : Status.OK;
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), List.copyOf(evidence));
    }
}
