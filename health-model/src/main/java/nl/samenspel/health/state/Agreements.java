package nl.samenspel.health.state;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.agreement.AgreementOutcome;
import nl.samenspel.kernel.agreement.AgreementOutcomeRecorded;
import nl.samenspel.kernel.agreement.RuleTheme;

import java.time.LocalDate;
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

    public static List<Fact<AgreementMade>> inForce(MonthContext month, LocalDate day) {
        return month.derived("agreements.inForce." + day, m -> inForceFold(m, day));
    }

    private static List<Fact<AgreementMade>> inForceFold(MonthContext month, LocalDate day) {
        Map<UUID, AgreementOutcome> latest = new HashMap<>();
        month.all(AgreementOutcomeRecorded.class).stream().filter(o -> !o.on().isAfter(day))
             .forEach(o -> latest.put(o.event().agreementId(), o.event().outcome()));
        return month.all(AgreementMade.class).stream().filter(a -> !a.on().isAfter(day))
                    .filter(a -> {
                        AgreementOutcome outcome = latest.get(a.event().agreementId());
                        return outcome != AgreementOutcome.CANCELLED && outcome != AgreementOutcome.RENEGOTIATED;
                    }).toList();
    }

    public static List<Fact<AgreementMade>> rulesInForce(MonthContext month, LocalDate day, RuleTheme theme) {
        return inForce(month, day).stream()
                                  .filter(a -> a.event().kind() == AgreementKind.RULE && a.event().ruleTheme() == theme)
                                  .toList();
    }

    /** Governance and rule-of-play agreements: the structure a network gives itself. */
    public static boolean isStructure(AgreementMade agreement) {
        return agreement.kind() == AgreementKind.RULE || agreement.kind() == AgreementKind.GOVERNANCE;
    }
}
