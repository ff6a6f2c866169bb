package nl.samenspel.health.tension;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.meeting.MeetingCancelled;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A5, easy cancellations: one partner cancelled at least {@code cancellations.count} (2) meetings or agreements in
 * the {@code cancellations.windowDays} (60) days before the end of the month. Meetings and agreements add up (one of
 * each is two cancellations); an agreement counts when its outcome is cancelled with that partner responsible. On the
 * thermometer, appointments that get cancelled easily belong to disagreement. Partners that have since withdrawn
 * are left out: the alert is a prompt to talk with a partner that is still there.
 */
public final class EasyCancellations implements AlertRule {
    public static final String ID = "A5";
    static final String RESPONSE = "Ask the partner, without blame, what the cancellations say about its interest in the "
            + "collaboration now, and check whether the agreements still fit its situation and capacity.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        int days = month.days("cancellations.windowDays");
        Map<UUID, List<String>> byPartner = new LinkedHashMap<>();
        month.withinDays(MeetingCancelled.class, days)
             .forEach(c -> byPartner.computeIfAbsent(c.event().cancelledByPartnerId(), p -> new ArrayList<>()).add(c.id()));
        month.withinDays(AgreementOutcomeRecorded.class, days).stream()
             .filter(o -> o.event().outcome() == AgreementOutcome.CANCELLED)
             .forEach(o -> byPartner.computeIfAbsent(o.event().responsiblePartnerId(), p -> new ArrayList<>()).add(o.id()));
        List<String> parts = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        byPartner.forEach((partner, ids) -> {
            if (ids.size() >= month.setting("cancellations.count") && month.roster().isActive(partner, month.end())) {
                parts.add(month.roster().name(partner) + " cancelled " + ids.size() + " times");
                why.add(Alert.Reason.of("cancelled", month.roster().name(partner), ids.size(), days));
                evidence.addAll(ids);
            }
        });
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Alert(ID, "Easy cancellations", Severity.WARNING,
                                     String.join("; ", parts) + " in " + days + " days.", evidence, RESPONSE, why));
    }
}
