package nl.samenspel.health.people;

import nl.samenspel.health.Alert;
import nl.samenspel.health.AlertRule;
import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Severity;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;

import java.util.List;
import java.util.Optional;

/**
 * A12, formal contact only: fewer than {@code contact.informalShare} (10 %) of the meetings of the last
 * {@code contact.windowMonths} (6) months were informal, with at least {@code contact.minimumMeetings} (4) meetings.
 */
public final class FormalContactOnly implements AlertRule {
    public static final String ID = "A12";
    static final String RESPONSE = "Make room for informal encounters, preferably in person: trust grows where people "
            + "also meet outside the formal moments, and it carries the collaboration when things get difficult.";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Optional<Alert> evaluate(MonthContext month) {
        int months = (int) Math.round(month.setting("contact.windowMonths"));
        List<Fact<MeetingHeld>> meetings = month.withinMonths(MeetingHeld.class, months);
        if (!LeadershipAndContact.formalOnly(month, meetings)) {
            return Optional.empty();
        }
        long informal = meetings.stream().filter(m -> m.event().kind() == MeetingKind.INFORMAL).count();
        return Optional.of(new Alert(ID, "Formal contact only", Severity.INFO,
                                     informal + " of " + meetings.size() + " meetings in " + months + " months were informal.",
                                     meetings.stream().map(Fact::id).toList(), RESPONSE,
                                     List.of(Alert.Reason.of("formalOnly", informal, meetings.size(), months))));
    }
}
