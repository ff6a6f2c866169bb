package nl.samenspel.kernel.evaluation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.people.Level;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A partner's answers to an open evaluation, one score per item. */
public record EvaluationResponseRecorded(@NotNull UUID networkId,
                                         @NotNull UUID evaluationId,
                                         @NotNull UUID respondentPartnerId,
                                         @NotNull Level level,
                                         @NotNull Boolean anonymous,
                                         @NotNull List<@NotNull Integer> scores,
                                         @Size(max = 2000) String comment,
                                         @NotNull LocalDate occurredOn,
                                         Source source,
                                         @Size(max = 2000) String note) implements NetworkEvent {
}
