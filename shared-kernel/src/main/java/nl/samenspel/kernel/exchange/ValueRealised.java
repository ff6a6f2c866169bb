package nl.samenspel.kernel.exchange;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.UUID;

/** Value the network created for a partner or a group, with what the claim is based on. */
public record ValueRealised(@NotNull UUID networkId,
                            UUID beneficiaryPartnerId,
                            BeneficiaryGroup beneficiaryGroup,
                            @NotNull Capital capital,
                            ValueQuestion questionId,
                            @NotBlank @Size(max = 2000) String description,
                            @NotBlank @Size(max = 2000) String evidence,
                            @NotNull LocalDate occurredOn,
                            Source source,
                            @Size(max = 2000) String note) implements NetworkEvent {
}
