package nl.samenspel.health.tension;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.tension.TemperatureMeasured;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A4, temperature rising: a scope's latest reading is hotter than its previous reading. Warning; critical when the
 * latest reading is at level 4 (conflict). Only latest readings within {@code temperature.windowDays} count, as in
 * H13: an old reading is no longer a current rise. A cooler or equal newer reading clears it.
 */
public final class TemperatureRising implements AlertRule {
    public static final String ID = "A4";
    static final String RESPONSE = "Name the rising tension openly with the partners concerned, with genuine interest "
            + "in how each of them sees it; ask what lies behind positions and agree a first step before it hardens.";
    static final String CRITICAL_RESPONSE = "The thermometer reads conflict: stop and make the conflict itself the "
            + "subject, register it, and bring in a neutral facilitator or mediator to move from blame towards needs.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        var latest = Readings.latestWithinWindow(month);
        var all = Readings.byScope(month);
        List<String> parts = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        List<String> evidence = new ArrayList<>();
        boolean critical = false;
        for (var entry : latest.entrySet()) {
            List<Fact<TemperatureMeasured>> readings = all.get(entry.getKey());
            if (readings.size() < 2) {
                continue;
            }
            Fact<TemperatureMeasured> previous = readings.get(readings.size() - 2);
            Fact<TemperatureMeasured> last = entry.getValue();
            if (last.event().level() > previous.event().level()) {
                String scope = entry.getKey().label(month);
                parts.add(scope + " from " + previous.event().level() + " to " + last.event().level());
                why.add(Alert.Reason.of("hotter", entry.getKey().isNetwork() ? "@alert.A4.network" : scope,
                                        previous.event().level(), last.event().level()));
                evidence.add(previous.id());
                evidence.add(last.id());
                critical |= last.event().level() >= 4;
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Alert(ID, "Temperature rising", critical ? Severity.CRITICAL : Severity.WARNING,
                                     "Hotter than the previous reading: " + String.join("; ", parts) + ".", evidence,
                                     critical ? CRITICAL_RESPONSE : RESPONSE, why));
    }
}
