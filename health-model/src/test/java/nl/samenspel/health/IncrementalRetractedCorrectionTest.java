package nl.samenspel.health;

import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.correction.EntryRetracted;
import nl.samenspel.kernel.exchange.BalanceAssessed;
import nl.samenspel.kernel.exchange.BalanceRating;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.NetworkEvent;
import nl.samenspel.kernel.network.NetworkFounded;
import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retracting a correction brings back what it replaced (the shared reading of corrections), so the months the
 * replaced entry lies in must be recomputed too, or the incremental health would drift from the pure fold.
 */
class IncrementalRetractedCorrectionTest {
    private static final UUID NETWORK = UUID.randomUUID();
    private static final UUID HOSPITAL = UUID.randomUUID();
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    private final List<LoggedEntry> log = new ArrayList<>();

    private LoggedEntry entry(NetworkEvent event) {
        LoggedEntry entry = new LoggedEntry("e" + log.size(), log.size(), Instant.EPOCH.plusSeconds(log.size()), event);
        log.add(entry);
        return entry;
    }

    @Test
    void retractingACorrectionRecomputesTheMonthsOfTheEntryItHadChanged() {
        HealthModel model = HealthModel.standard();
        IncrementalHealth incremental = new IncrementalHealth(model);
        incremental.add(List.of(
                entry(new NetworkFounded(NETWORK, "Netwerk", null, null, CollaborationForm.NETWORK, null,
                                         LocalDate.of(2024, 1, 10), null, null)),
                entry(new PartnerJoined(NETWORK, HOSPITAL, "Ziekenhuis", "care", ParticipationLevel.CORE, Set.of(),
                                        LocalDate.of(2024, 1, 10), null, null))), TODAY);
        LoggedEntry balance = entry(new BalanceAssessed(NETWORK, HOSPITAL, BalanceRating.UNFAIR, LocalDate.of(2024, 3, 5),
                                                        null, null));
        incremental.add(List.of(balance), TODAY);
        LoggedEntry correction = entry(new EntryCorrected(NETWORK, balance.eventId(), "was balanced",
                                                          new BalanceAssessed(NETWORK, HOSPITAL, BalanceRating.BALANCED,
                                                                              LocalDate.of(2024, 3, 5), null, null),
                                                          TODAY, null, null));
        incremental.add(List.of(correction), TODAY);
        incremental.add(List.of(entry(new EntryRetracted(NETWORK, correction.eventId(), "it was unfair after all",
                                                         TODAY, null, null))), TODAY);

        assertThat(incremental.months()).isEqualTo(model.timeline(log, TODAY).months());
    }
}
