package nl.samenspel.kernel.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/** An improvement action was agreed, with an owner and a due date. */
public record ImprovementActionAgreed(@NotNull UUID networkId,
                                      @NotNull UUID actionId,
                                      UUID evaluationId,
                                      @NotBlank @Size(max = 200) @Name String title,
                                      @NotNull UUID ownerPartnerId,
                                      @NotNull LocalDate dueOn,
                                      @NotNull LocalDate occurredOn,
                                      Source source,
                                      @Size(max = 2000) String note) implements NetworkEvent {
}
