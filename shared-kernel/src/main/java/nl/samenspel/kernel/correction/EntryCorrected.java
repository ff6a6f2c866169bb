package nl.samenspel.kernel.correction;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.samenspel.kernel.Source;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.validation.Name;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An earlier entry of this network was mistaken and is replaced by {@code replacement}, an entry of the same kind.
 * Events are never edited: the history keeps both, views apply the correction, and "as known at" a moment before it
 * shows what was believed then. The replacement names its kind in {@code entryType}, by its wire name in
 * {@link EntryTypes}.
 */
public record EntryCorrected(@NotNull UUID networkId,
                             @NotBlank @Size(max = 100) @Name String targetEventId,
                             @NotBlank @Size(max = 2000) String reason,
                             @NotNull @Valid
                             @JsonTypeInfo(use = JsonTypeInfo.Id.CUSTOM, include = JsonTypeInfo.As.PROPERTY,
                                     property = "entryType")
                             @JsonTypeIdResolver(EntryTypeIdResolver.class)
                             NetworkEvent replacement,
                             @NotNull LocalDate occurredOn,
                             Source source,
                             @Size(max = 2000) String note) implements NetworkEvent {
}
