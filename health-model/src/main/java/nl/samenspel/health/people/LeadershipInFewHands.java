package nl.samenspel.health.people;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;

import java.util.List;
import java.util.Optional;

/**
 * A9, leadership in one or two hands: leadership concentration ≥ {@code leadership.concentration} (0.8) with at least
 * {@code leadership.minimumRoles} (3) lead roles held.
 */
public final class LeadershipInFewHands implements AlertRule {
    public static final String ID = "A9";
    static final String RESPONSE = "Place network leadership with a team that the partners grant it to, so that "
            + "everyone takes responsibility in some way instead of leaning back while one or two people carry it.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        return LeadershipAndContact.concentrated(month).map(c -> new Alert(
                ID, "Leadership in one or two hands", Severity.WARNING,
                String.format("The two busiest leaders hold %d of the %d lead roles (%.0f %%).", c.heldByTopTwo(), c.roles(),
                              100 * c.share()),
                c.evidence(), RESPONSE,
                List.of(Alert.Reason.of("fewHands", c.heldByTopTwo(), c.roles(), String.format("%.0f", 100 * c.share())))));
    }
}
