package nl.samenspel.kernel.evaluation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/** An evaluation with one of the instruments was opened. */
public record EvaluationOpened(@NotNull UUID networkId,
                               @NotNull UUID evaluationId,
                               @NotNull Instrument instrument,
                               @NotBlank @Size(max = 200) @Name String title,
                               @NotNull Boolean joint,
                               UUID subCoalitionId,
                               @NotNull LocalDate occurredOn,
                               Source source,
                               @Size(max = 2000) String note) implements NetworkEvent {
}
