package nl.samenspel.kernel.meeting;

import jakarta.validation.constraints.NotNull;
import nl.samenspel.kernel.people.Level;

import java.util.UUID;

/** One partner present at a meeting, at one level. */
public record Attendance(@NotNull UUID partnerId, @NotNull Level level) {
}
