package nl.samenspel.query.facts;

import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingKind;
import nl.samenspel.kernel.meeting.Modality;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A meeting that took place, with who attended at which level. */
public record Meeting(UUID meetingId, MeetingKind kind, Modality modality, String purpose, List<Attendance> attendance,
                      LocalDate heldOn, String eventId) {
    public Meeting {
        attendance = Lists.copy(attendance);
    }
}
