package nl.samenspel.health.phase;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.health.Status;

import java.util.List;
import java.util.Optional;

/**
 * A18, phase out of step [info]: the phase the data suggest (H17) has differed from the phase the coordinator confirmed
 * for {@code phase.outOfStepDays} (60) days or more. Reads H17 of the month. Evidence: H17's.
 */
public final class PhaseOutOfStep implements AlertRule {
    public static final String ID = "A18";
    static final String RESPONSE = "Put the phase on the steering group's agenda: has the network moved on to the phase "
            + "the data suggest, or do the data miss what the partners know? Confirm the phase that fits, so that "
            + "everyone reads the health views against the same stage of the collaboration.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        IndicatorValue phase = month.indicator(PhaseSuggestion.class);
        if (phase == null || phase.status() != Status.WATCH) {
            return Optional.empty();
        }
        // the date is when the two began to differ, not when the phase was confirmed: said first, so it is not
        // read as the confirmation's
        String detail = "Since " + phase.figure("outOfStepSince") + " the data suggest the phase "
                + named(phase.figure("suggested")) + " (" + phase.figure("reason") + "), while the confirmed phase is "
                + named(phase.figure("confirmed")) + ".";
        Alert.Reason why = Alert.Reason.of("outOfStep", "@enum." + phase.figure("suggested"),
                                           "@alert.A18.rule." + phase.figure("rule"), "@enum." + phase.figure("confirmed"),
                                           phase.figure("outOfStepSince"));
        return Optional.of(new Alert(ID, "Phase out of step", Severity.INFO, detail, phase.evidence(), RESPONSE,
                                     List.of(why)));
    }

    /** A phase as the pages name it ("Execution", "Set-up"), not in the wire's lower case. */
    private static String named(Object wireName) {
        String name = String.valueOf(wireName);
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
