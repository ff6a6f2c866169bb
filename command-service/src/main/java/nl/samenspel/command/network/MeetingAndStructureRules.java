package nl.samenspel.command.network;

import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingCancelled;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.structure.AccountabilityRequested;
import nl.samenspel.kernel.structure.ContextChanged;
import nl.samenspel.kernel.structure.RegionalAnalysisShared;
import nl.samenspel.kernel.structure.SubCoalitionChanged;
import nl.samenspel.kernel.structure.SubCoalitionDissolved;
import nl.samenspel.kernel.structure.SubCoalitionFormed;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of the meeting and structure groups: attendance, cancellations, sub-coalition members and endorsements
 * name active partners, once each, and a sub-coalition changes or dissolves while it is active.
 */
final class MeetingAndStructureRules extends GroupRules {
    MeetingAndStructureRules(NetworkState state, String prefix) {
        super(state, prefix);
    }

    @Override
    void check(NetworkEvent entry) {
        LocalDate on = entry.occurredOn();
        if (entry instanceof MeetingHeld e) {
            Set<Attendance> seen = new HashSet<>();
            each(() -> fresh("meetingId", state.meetings.contains(e.meetingId())),
                 () -> eachOf(e.attendance().size(), i -> {
                     Attendance attendance = e.attendance().get(i);
                     if (!seen.add(attendance)) {
                         throw invalid("attendance[" + i + "]", "lists the same partner and level twice");
                     }
                     active("attendance[" + i + "].partnerId", attendance.partnerId(), on);
                 }));
        } else if (entry instanceof MeetingCancelled e) {
            active("cancelledByPartnerId", e.cancelledByPartnerId(), on);
        } else if (entry instanceof SubCoalitionFormed e) {
            each(() -> fresh("coalitionId", state.activeCoalitions.containsKey(e.coalitionId())),
                 () -> activeAll("memberIds", e.memberIds(), on));
        } else if (entry instanceof SubCoalitionChanged e) {
            each(() -> activeCoalition(e.coalitionId()), () -> activeAll("memberIds", e.memberIds(), on));
        } else if (entry instanceof SubCoalitionDissolved e) {
            activeCoalition(e.coalitionId());
        } else if (entry instanceof RegionalAnalysisShared e) {
            if (e.endorsingPartnerIds() != null) {
                activeAll("endorsingPartnerIds", e.endorsingPartnerIds(), on);
            }
        } else if (entry instanceof ContextChanged e) {
            if (e.partnerId() != null) {
                active("partnerId", e.partnerId(), on);
            }
        } else if (entry instanceof AccountabilityRequested e) {
            activeAll("partnerIds", e.partnerIds(), on);
        }
    }

    private void activeCoalition(UUID coalitionId) {
        Boolean active = state.activeCoalitions.get(coalitionId);
        if (active == null) {
            throw notFound("coalitionId", "no sub-coalition with this id in this network");
        }
        if (!active) {
            throw conflict("coalitionId", "this sub-coalition was dissolved");
        }
    }
}
