package nl.samenspel.health.sharing;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.exchange.BalanceAssessed;

import java.util.List;
import java.util.Optional;

/**
 * A3, perceived unfair balance [critical]: an active partner's latest balance rating is {@code unfair}. Imbalance in
 * give and take is normal and sometimes unavoidable; it becomes a problem when a partner experiences it as unfair, so
 * the rating — not the ledger — raises this alert. Evidence: the unfair ratings.
 */
public final class PerceivedUnfairBalance implements AlertRule {
    public static final String ID = "A3";
    public static final String TITLE = "Perceived unfair balance";
    static final String RESPONSE = "Discuss the balance of give and take again, together and with the partner that "
            + "finds it unfair. It is not a sum: nobody has to put in exactly as much as the others, but the overall "
            + "impression must be right. Give partners the chance to see again what the collaboration brings them.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        List<Fact<BalanceAssessed>> unfair = BalanceRatings.unfair(month);
        if (unfair.isEmpty()) {
            return Optional.empty();
        }
        List<String> names = unfair.stream().map(a -> month.roster().name(a.event().partnerId())).toList();
        String detail = String.join(", ", names) + (unfair.size() == 1 ? " experiences" : " experience")
                + " the balance of give and take as unfair.";
        return Optional.of(new Alert(ID, TITLE, Severity.CRITICAL, detail, unfair.stream().map(Fact::id).toList(), RESPONSE,
                                     List.of(Alert.Reason.of(unfair.size() == 1 ? "unfairOne" : "unfairMany",
                                                             String.join(", ", names)))));
    }
}
