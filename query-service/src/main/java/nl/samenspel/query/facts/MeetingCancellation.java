package nl.samenspel.query.facts;

import java.time.LocalDate;
import java.util.UUID;

/** A partner cancelled a meeting. */
public record MeetingCancellation(UUID cancelledByPartnerId, String purpose, LocalDate occurredOn, String eventId) {
}
