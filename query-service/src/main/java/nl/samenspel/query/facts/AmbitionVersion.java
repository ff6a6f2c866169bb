package nl.samenspel.query.facts;

import java.time.LocalDate;

/** A version of the shared ambition as it was put into words. */
public record AmbitionVersion(Integer version, String statement, LocalDate statedOn, String eventId) {
}
