package nl.samenspel.health.dip;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.health.state.NetworkFacts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A7, network dip (netwerkdip): critical while H5 puts the network in a dip; a warning when dip risk (H6) is
 * elevated or high but energy has not dropped (yet). Reads H5 and H6 of the month, so both must be in the model.
 */
public final class NetworkDip implements AlertRule {
    public static final String ID = "A7";
    static final String RESTART = "Work on the four ingredients of a restart: a picture of the region and its issues that "
            + "all partners share, a foundation of governance and rules of play, sub-coalitions that take up concrete "
            + "issues with energy, and network leadership granted to and shared by a team.";
    static final String WATCH_DRIVERS = "Several dip drivers are active at once: put them on the steering group's agenda "
            + "before energy drops, and check which of the four ingredients of a vital network are missing.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        IndicatorValue energy = month.indicator(NetworkEnergy.class);
        IndicatorValue risk = month.indicator(DipRisk.class);
        if (energy == null || risk == null) {
            return Optional.empty();
        }
        // each driver by its code and name, so the English detail reads without the catalogue at hand
        String drivers = String.join(", ", activeDrivers(risk).stream().map(d -> named(risk, d)).toList());
        if (NetworkEnergy.IN_DIP.equals(energy.figure("phase"))) {
            double ratio = energy.number("ratio");
            String percent = String.format("%.0f", 100 * ratio);
            String level = Double.isNaN(ratio) ? "no energy measured this month"
                    : "smoothed energy at " + percent + " % of its peak";
            String detail = "In a dip: " + level + "; active drivers: " + (drivers.isEmpty() ? "none any more" : drivers) + ".";
            List<Alert.Reason> why = List.of(
                    Double.isNaN(ratio) ? Alert.Reason.of("inDipNoEnergy") : Alert.Reason.of("inDip", percent),
                    drivers.isEmpty() ? Alert.Reason.of("noDriversLeft") : Alert.Reason.of("drivers", driverLabels(risk)));
            return Optional.of(new Alert(ID, "Network dip", Severity.CRITICAL, detail,
                                         NetworkFacts.evidence(risk.evidence(), energy.evidence()), RESTART, why));
        }
        if (risk.number("dipRisk") >= month.setting("dip.elevatedRisk")) {
            String detail = "Dip risk " + risk.figure("riskLevel") + ": " + drivers + " active; energy has not dropped yet.";
            return Optional.of(new Alert(ID, "Network dip risk", Severity.WARNING, detail, risk.evidence(), WATCH_DRIVERS,
                                         List.of(Alert.Reason.of("risk", "@risk." + risk.figure("riskLevel"),
                                                                 driverLabels(risk)))));
        }
        return Optional.empty();
    }

    private static String driverLabels(IndicatorValue risk) {
        return Alert.Reason.labels(activeDrivers(risk).stream().map(d -> "driver." + d).toList());
    }

    /** "D3 capacity and funding" for "D3", with the name H6 gives the driver in its figures. */
    private static String named(IndicatorValue risk, String driver) {
        return risk.figure("drivers") instanceof Map<?, ?> drivers && drivers.get(driver) instanceof Map<?, ?> figure
                && figure.get("name") instanceof String name ? driver + " " + name : driver;
    }

    @SuppressWarnings("unchecked")
    private static List<String> activeDrivers(IndicatorValue risk) {
        return risk.figure("activeDrivers") instanceof List<?> list ? (List<String>) list : List.of();
    }
}
