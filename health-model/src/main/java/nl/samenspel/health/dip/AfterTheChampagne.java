package nl.samenspel.health.dip;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.health.state.Agreements;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.structure.SuccessAchieved;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A16, after the champagne (na de champagne): a success was achieved and no governance or rule agreement followed
 * within {@code success.governanceMonths} (6) months.
 *
 * <p>Only a rule that can be judged is raised: the alert appears once the six months after the success (its day
 * included) have passed without such an agreement. It clears as soon as a governance or rule agreement is made, even a
 * late one. Agreements made before the success do not count: the source warns precisely against carrying on in the
 * winning mode after the goal was reached.
 */
public final class AfterTheChampagne implements AlertRule {
    public static final String ID = "A16";
    static final String RESPONSE = "Now that the success is in, make the agreements and governance the collaboration "
            + "needs for the years ahead, and anchor relations in structures instead of relying on personal trust alone.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        int months = (int) Math.round(month.setting("success.governanceMonths"));
        // a success is answered by a structure agreement on or after its day: only the latest one can be
        LocalDate lastStructure = null;
        List<Fact<AgreementMade>> made = month.all(AgreementMade.class);
        for (int i = made.size() - 1; i >= 0 && lastStructure == null; i--) {
            if (Agreements.isStructure(made.get(i).event())) {
                lastStructure = made.get(i).on();
            }
        }
        // the successes after the last structure agreement whose months have passed: a range of the dated index, not
        // a pass over every success (a network that logs many successes made this rule a third of a month's work)
        List<Fact<SuccessAchieved>> unanswered = month.between(SuccessAchieved.class,
                                                               lastStructure == null ? LocalDate.MIN : lastStructure,
                                                               lastDayJudged(month.end(), months));
        if (unanswered.isEmpty()) {
            return Optional.empty();
        }
        Fact<SuccessAchieved> first = unanswered.get(0);
        LocalDate since = first.on();
        String detail = "\"" + first.event().title() + "\" (" + since + ")"
                + (unanswered.size() > 1 ? " and " + (unanswered.size() - 1) + " later success(es)" : "")
                + " not followed by a governance or rule agreement within " + months + " months.";
        Alert.Reason why = unanswered.size() > 1
                ? Alert.Reason.of("unansweredMore", first.event().title(), since, unanswered.size() - 1, months)
                : Alert.Reason.of("unanswered", first.event().title(), since, months);
        return Optional.of(new Alert(ID, "After the champagne", Severity.WARNING, detail,
                                     Fact.ids(unanswered), RESPONSE, List.of(why)));
    }

    /**
     * The latest day a success can have and still have had its {@code months} months pass, its own day included, before
     * {@code end}: the latest {@code d} with {@code d.plusMonths(months)} before {@code end}. A month-end maps every
     * later day of a shorter month onto itself (31 January plus one month is 28 February), so when the day before
     * {@code end} is the last of its month, the whole month {@code months} earlier qualifies.
     */
    static LocalDate lastDayJudged(LocalDate end, int months) {
        LocalDate dayBefore = end.minusDays(1);
        return dayBefore.getDayOfMonth() == dayBefore.lengthOfMonth()
                ? YearMonth.from(dayBefore).minusMonths(months).atEndOfMonth()
                : dayBefore.minusMonths(months);
    }
}
