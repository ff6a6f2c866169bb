package nl.samenspel.query.health;

import nl.samenspel.health.LoggedEntry;
import nl.samenspel.kernel.network.ParticipationLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.NETWORK;
import static nl.samenspel.query.facts.Events.founded;
import static nl.samenspel.query.facts.Events.joined;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log that "as of" and "compare" read is kept between requests and brought up to date with only what was logged
 * since: every read answers the whole log as committed at that moment, and an earlier answer never changes.
 */
class KeptLogTest {
    private final HealthFixture fixture = new HealthFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aKeptLogGrowsWithTheEntriesLoggedSinceAndEarlierAnswersStayAsTheyWere() {
        fixture.append(NETWORK, founded("Zorgnetwerk Noorderkwartier", "2026-01-10"),
                       joined(UUID.randomUUID(), "Ziekenhuis Noord", ParticipationLevel.CORE, "2026-02-01"));
        List<LoggedEntry> first = fixture.logs.all(NETWORK);
        assertThat(first).hasSize(2);
        assertThat(fixture.logs.all(NETWORK)).as("nothing logged since: the kept log itself").isSameAs(first);

        fixture.append(NETWORK, joined(UUID.randomUUID(), "Gemeente Noord", ParticipationLevel.CORE, "2026-03-01"));
        List<LoggedEntry> second = fixture.logs.all(NETWORK);

        assertThat(first).as("an answer already given").hasSize(2);
        assertThat(second).extracting(LoggedEntry::eventId)
                          .isEqualTo(fixture.logs.read(NETWORK, -1).stream().map(LoggedEntry::eventId).toList());
        assertThat(second).extracting(LoggedEntry::sequence).containsExactly(0L, 1L, 2L);
    }
}
