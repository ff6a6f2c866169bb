package nl.samenspel.kernel.meeting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A meeting took place, with who attended at which level. */
public record MeetingHeld(@NotNull UUID networkId,
                          @NotNull UUID meetingId,
                          @NotNull MeetingKind kind,
                          @NotNull Modality modality,
                          @NotBlank @Size(max = 200) @Name String purpose,
                          @NotEmpty List<@NotNull @Valid Attendance> attendance,
                          @NotNull LocalDate occurredOn,
                          Source source,
                          @Size(max = 2000) String note) implements NetworkEvent {
}
