package nl.samenspel.health.people;

import nl.samenspel.health.Fact;
import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.health.state.LeadRoles;
import nl.samenspel.health.state.NetworkFacts;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * H11, leadership concentration (leiderschap bij één of twee personen), informal contact and in-person share
 * (domain.md §5.6).
 *
 * <p>Leadership concentration is the share of the lead roles held at the end of the month (chair, coordinator,
 * process director, sub-coalition lead; see {@link LeadRoles}) that sit with the two people holding most of them.
 * Informal share = informal meetings ÷ all meetings over {@code contact.windowMonths} (6) months; in-person share =
 * in-person meetings ÷ all meetings over the same months. Hybrid meetings are not in-person (they are counted
 * separately), since the point is meeting face to face.
 *
 * <p>Figures: {@code leadRoles} (int), {@code leadershipConcentration} (double; absent without lead roles),
 * {@code topLeaders} (list of person refs), {@code chairAndCoordinatorWithOnePartner} (boolean), {@code meetings},
 * {@code informalMeetings}, {@code inPersonMeetings}, {@code hybridMeetings} (ints), {@code informalShare} and
 * {@code inPersonShare} (doubles; absent without meetings).
 *
 * <p>Status: WATCH when leadership is concentrated as in A9 or contact is formal only as in A12; OK otherwise; NA
 * with neither lead roles nor meetings.
 */
public final class LeadershipAndContact implements Indicator {
    public static final String ID = "H11";
    private static final String NAME = "Leadership and contact";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        List<LeadRoles.Held> roles = LeadRoles.active(month);
        Optional<LeadRoles.Concentration> concentration = LeadRoles.concentration(roles);
        List<Fact<MeetingHeld>> meetings = month.withinMonths(MeetingHeld.class,
                                                              (int) Math.round(month.setting("contact.windowMonths")));
        if (roles.isEmpty() && meetings.isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        long informal = meetings.stream().filter(m -> m.event().kind() == MeetingKind.INFORMAL).count();
        long inPerson = meetings.stream().filter(m -> m.event().modality() == Modality.IN_PERSON).count();
        long hybrid = meetings.stream().filter(m -> m.event().modality() == Modality.HYBRID).count();

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("leadRoles", roles.size());
        concentration.ifPresent(c -> {
            figures.put("leadershipConcentration", c.share());
            figures.put("topLeaders", c.topPeople());
        });
        figures.put("chairAndCoordinatorWithOnePartner", LeadRoles.chairAndCoordinatorPartner(roles).isPresent());
        figures.put("meetings", meetings.size());
        figures.put("informalMeetings", (int) informal);
        figures.put("inPersonMeetings", (int) inPerson);
        figures.put("hybridMeetings", (int) hybrid);
        if (!meetings.isEmpty()) {
            figures.put("informalShare", (double) informal / meetings.size());
            figures.put("inPersonShare", (double) inPerson / meetings.size());
        }
        Status status = concentrated(month).isPresent() || formalOnly(month, meetings) ? Status.WATCH : Status.OK;
        List<String> evidence = NetworkFacts.evidence(roles.stream().map(LeadRoles.Held::eventId).toList(),
                                                      meetings.stream().map(Fact::id).toList());
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), evidence);
    }

    /** The concentration when it is high enough for A9: at least the minimum number of lead roles, top two ≥ 0.8. */
    static Optional<LeadRoles.Concentration> concentrated(MonthContext month) {
        List<LeadRoles.Held> roles = LeadRoles.active(month);
        return LeadRoles.concentration(roles)
                        .filter(c -> c.roles() >= month.setting("leadership.minimumRoles"))
                        .filter(c -> c.share() >= month.setting("leadership.concentration"));
    }

    /** Contact is formal only (A12): enough meetings to judge, and too few of them informal. */
    static boolean formalOnly(MonthContext month, List<Fact<MeetingHeld>> meetings) {
        long informal = meetings.stream().filter(m -> m.event().kind() == MeetingKind.INFORMAL).count();
        return meetings.size() >= month.setting("contact.minimumMeetings")
                && (double) informal / meetings.size() < month.setting("contact.informalShare");
    }
}
