package nl.samenspel.kernel.agreement;

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

/** Partners made an agreement: a promise, a rule, a governance, financial or operational one. */
public record AgreementMade(@NotNull UUID networkId,
                            @NotNull UUID agreementId,
                            @NotBlank @Size(max = 200) @Name String title,
                            @NotNull AgreementKind kind,
                            RuleTheme ruleTheme,
                            @NotEmpty List<@NotNull UUID> partyIds,
                            LocalDate dueOn,
                            @NotNull LocalDate occurredOn,
                            Source source,
                            @Size(max = 2000) String note) implements NetworkEvent {
}
