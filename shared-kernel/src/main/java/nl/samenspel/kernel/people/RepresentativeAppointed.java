package nl.samenspel.kernel.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/** A partner appointed someone to represent it at one level. */
public record RepresentativeAppointed(@NotNull UUID networkId,
                                      @NotNull UUID partnerId,
                                      @NotBlank @Size(max = 100) @Name String personRef,
                                      @NotNull Level level,
                                      @Size(max = 100) @Name String role,
                                      @NotNull LocalDate occurredOn,
                                      Source source,
                                      @Size(max = 2000) String note) implements NetworkEvent {
}
