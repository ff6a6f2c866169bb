package nl.samenspel.kernel.evaluation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** An evaluation was closed; no more responses. */
public record EvaluationClosed(@NotNull UUID networkId,
                               @NotNull UUID evaluationId,
                               @NotNull LocalDate occurredOn,
                               Source source,
                               @Size(max = 2000) String note) implements NetworkEvent {
}
