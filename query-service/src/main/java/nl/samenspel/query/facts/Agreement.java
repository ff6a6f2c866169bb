package nl.samenspel.query.facts;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.RuleTheme;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An agreement between partners and how it turned out, outcome by outcome. */
public record Agreement(UUID agreementId, String title, AgreementKind kind, RuleTheme ruleTheme, List<UUID> partyIds,
                        LocalDate dueOn, LocalDate madeOn, List<Outcome> outcomes, String eventId) {

    /** How the agreement turned out, and which partner answers for it. */
    public record Outcome(AgreementOutcome outcome, UUID responsiblePartnerId, LocalDate occurredOn, String eventId) {
    }

    public Agreement {
        partyIds = Lists.copy(partyIds);
        outcomes = Lists.copy(outcomes);
    }

    /** The outcome with the latest business date, if any. */
    public Optional<AgreementOutcome> outcome() {
        return Chronology.latest(outcomes, Outcome::occurredOn).map(Outcome::outcome);
    }

    /**
     * Still to be kept: no outcome yet, or renegotiated (the agreement goes on with new terms). Kept, broken and
     * cancelled agreements are done.
     */
    public boolean open() {
        return outcome().map(o -> o == AgreementOutcome.RENEGOTIATED).orElse(true);
    }

    /** Open while its due date has passed. */
    public boolean overdueOn(LocalDate today) {
        return open() && dueOn != null && dueOn.isBefore(today);
    }

    Agreement withOutcome(Outcome outcome) {
        List<Outcome> all = new ArrayList<>(outcomes);
        all.add(outcome);
        return new Agreement(agreementId, title, kind, ruleTheme, partyIds, dueOn, madeOn, all, eventId);
    }
}
