package nl.samenspel.kernel.exchange;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Limits;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A partner pledged or delivered something to the network or to another partner. */
public record ContributionRecorded(@NotNull UUID networkId,
                                   @NotNull UUID contributionId,
                                   @NotNull UUID fromPartnerId,
                                   UUID toPartnerId,
                                   @NotNull ContributionKind kind,
                                   @NotNull @Positive @Digits(integer = Limits.WHOLE_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal quantity,
                                   @NotNull Unit unit,
                                   @PositiveOrZero @Digits(integer = Limits.WHOLE_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal estimatedValueEur,
                                   @NotNull Capital capital,
                                   @NotNull ContributionStatus status,
                                   @NotNull LocalDate occurredOn,
                                   Source source,
                                   @Size(max = 2000) String note) implements NetworkEvent {
}
