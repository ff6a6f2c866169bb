package nl.samenspel.kernel.meeting;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/** A partner cancelled a meeting. */
public record MeetingCancelled(@NotNull UUID networkId,
                               @NotNull UUID cancelledByPartnerId,
                               @NotBlank @Size(max = 200) @Name String purpose,
                               @NotNull LocalDate occurredOn,
                               Source source,
                               @Size(max = 2000) String note) implements NetworkEvent {
}
