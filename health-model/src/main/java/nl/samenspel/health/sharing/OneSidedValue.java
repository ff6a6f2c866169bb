package nl.samenspel.health.sharing;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.network.NetworkFounded;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A15, one-sided value [warning]: over the last {@code capitals.windowMonths} months the evidenced value claims leave
 * a capital empty (capital coverage &lt; 3), or — with at least {@code capitals.minimumClaims} claims — more than
 * {@code capitals.economicShare} of them are economic. Evidence: every claim in the window.
 *
 * <p>A network that evidences no value at all is the most one-sided of all: once the network is older than the window
 * (the whole window lies after its founding) zero claims count as coverage 0 and raise the alert, with the founding
 * as its evidence. Before that a young network has simply not had the time, and stays silent.
 */
public final class OneSidedValue implements AlertRule {
    public static final String ID = "A15";
    public static final String TITLE = "One-sided value";
    static final String RESPONSE = "Pay lasting attention to all three kinds of value — economic, social and "
            + "cultural — rather than to the financial effect alone, which motivates professionals too little. Go "
            + "through the eight network-value questions together and ask for every answer what it is based on.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        CapitalProfile profile = CapitalProfile.of(month);
        if (!profile.oneSided(month)) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        List<Alert.Reason> why = new ArrayList<>();
        int windowMonths = month.days("capitals.windowMonths");
        if (profile.claimCount() == 0) {
            reasons.add("no evidenced value claim at all");
            why.add(Alert.Reason.of("noClaims", windowMonths));
        } else if (profile.missingCapital(month)) {
            reasons.add("no evidenced value claim for " + String.join(", ", profile.missing().stream().map(Labels::of).toList())
                        + " capital");
            why.add(Alert.Reason.of("missingCapital",
                                    Alert.Reason.labels(profile.missing().stream().map(c -> "enum." + Labels.of(c)).toList()),
                                    windowMonths));
        }
        if (profile.economicallyDominated(month)) {
            reasons.add(profile.claims(Capital.ECONOMIC).size() + " of " + profile.claimCount()
                        + " value claims are economic");
            why.add(Alert.Reason.of("economic", profile.claims(Capital.ECONOMIC).size(), profile.claimCount(), windowMonths));
        }
        String detail = "In the last " + month.days("capitals.windowMonths") + " months: "
                + String.join("; ", reasons) + ".";
        List<String> evidence = profile.claimCount() > 0 ? profile.allClaims().stream().map(c -> c.id()).toList()
                : month.all(NetworkFounded.class).stream().map(Fact::id).limit(1).toList();
        return Optional.of(new Alert(ID, TITLE, Severity.WARNING, detail, evidence, RESPONSE, why));
    }
}
