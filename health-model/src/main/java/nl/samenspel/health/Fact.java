package nl.samenspel.health;

import java.time.LocalDate;

/** An event of one kind from the effective history, with the entry it came from (for its id and dates). */
public record Fact<T>(LoggedEntry entry, T event) {

    public String id() {
        return entry.eventId();
    }

    public LocalDate on() {
        return entry.occurredOn();
    }
}
