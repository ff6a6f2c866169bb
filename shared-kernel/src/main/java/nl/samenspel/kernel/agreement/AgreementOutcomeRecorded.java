package nl.samenspel.kernel.agreement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** How an agreement turned out, and which partner answers for it. */
public record AgreementOutcomeRecorded(@NotNull UUID networkId,
                                       @NotNull UUID agreementId,
                                       @NotNull AgreementOutcome outcome,
                                       @NotNull UUID responsiblePartnerId,
                                       @NotNull LocalDate occurredOn,
                                       Source source,
                                       @Size(max = 2000) String note) implements NetworkEvent {
}
