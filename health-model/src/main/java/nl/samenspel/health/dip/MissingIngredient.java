package nl.samenspel.health.dip;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.health.Status;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A8, missing ingredient (ontbrekend ingrediënt): vitality (H7) below 4, naming what is missing and what helps. */
public final class MissingIngredient implements AlertRule {
    public static final String ID = "A8";
    static final Map<String, String> RESPONSES = Map.of(
            "sharedPicture", "Build a picture of the region with the partners: figures on the population and its "
                    + "issues, and the stories of residents and professionals, then have the partners endorse it.",
            "foundation", "Agree the rules of play on who takes part and how, financing, sharing information on "
                    + "initiatives, learning together and watching the effect.",
            "subCoalitions", "Let partners who really want to tackle an issue together form a sub-coalition and "
                    + "arrange it among themselves; not everyone has to join everything.",
            "sharedLeadership", "Place network leadership with a team that the partners grant it to, instead of one "
                    + "or two people while the rest lean back.");
    private static final Map<String, String> LABELS = Map.of(
            "sharedPicture", "a shared picture of the region", "foundation", "a foundation of rules of play",
            "subCoalitions", "sub-coalitions on concrete issues", "sharedLeadership", "shared leadership");

    @Override
    public String id() {
        return ID;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Alert> evaluate(MonthContext month) {
        IndicatorValue vitality = month.indicator(Vitality.class);
        if (vitality == null || vitality.status() == Status.NA || vitality.number("score") >= 4) {
            return Optional.empty();
        }
        List<String> missing = (List<String>) vitality.figure("missing");
        String detail = "Vitality " + (int) vitality.number("score") + " of 4; missing: "
                + String.join(", ", missing.stream().map(LABELS::get).toList()) + ".";
        String response = String.join(" ", missing.stream().map(RESPONSES::get).toList());
        Alert.Reason why = Alert.Reason.of("missing", (int) vitality.number("score"),
                                           Alert.Reason.labels(missing.stream().map(m -> "ingredient." + m).toList()));
        return Optional.of(new Alert(ID, "Missing ingredient", Severity.INFO, detail, vitality.evidence(), response,
                                     List.of(why)));
    }
}
