package nl.samenspel.query.facts;

import nl.samenspel.kernel.network.ParticipationLevel;
import nl.samenspel.kernel.network.PartnerJoined;
import nl.samenspel.query.facts.EffectiveHistory.Status;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static nl.samenspel.query.facts.Events.corrected;
import static nl.samenspel.query.facts.Events.founded;
import static nl.samenspel.query.facts.Events.joined;
import static nl.samenspel.query.facts.Events.retracted;
import static nl.samenspel.query.facts.Events.withdrew;
import static org.assertj.core.api.Assertions.assertThat;

class EffectiveHistoryTest {
    private static final UUID HOSPITAL = UUID.randomUUID();
    private static final UUID SCHOOL = UUID.randomUUID();

    private final Events.Log log = new Events.Log();

    private EffectiveHistory history() {
        return EffectiveHistory.of(log.entries());
    }

    @Test
    void withoutCorrectionsEveryEntryCountsAsLogged() {
        log.add(founded("Netwerk", "2024-01-10"));
        log.add(joined(HOSPITAL, "Ziekenhuis", ParticipationLevel.CORE, "2024-02-01"));

        assertThat(history().entries()).isEqualTo(log.entries());
        assertThat(history().corrections()).isEmpty();
    }

    @Test
    void aCorrectionPutsItsReplacementInThePlaceOfItsTargetUnderTheTargetsId() {
        log.add(founded("Netwerk", "2024-01-10"));
        String join = log.add(joined(HOSPITAL, "Ziekenhuis Nord", ParticipationLevel.CORE, "2024-02-01"));
        log.add(joined(SCHOOL, "School", ParticipationLevel.CORE, "2024-02-02"));
        PartnerJoined fixed = joined(HOSPITAL, "Ziekenhuis Noord", ParticipationLevel.CORE, "2024-02-01");
        String correction = log.add(corrected(join, fixed, "2024-03-01"));

        assertThat(history().entries()).extracting(LoggedEntry::eventId).containsExactly("e1", join, "e3");
        assertThat(history().entries().get(1).event()).isEqualTo(fixed);
        assertThat(history().corrections()).singleElement().satisfies(c -> {
            assertThat(c.eventId()).isEqualTo(correction);
            assertThat(c.kind()).isEqualTo(EffectiveHistory.Kind.CORRECTED);
            assertThat(c.targetEventId()).isEqualTo(join);
            assertThat(c.status()).isEqualTo(Status.APPLIED);
        });
    }

    @Test
    void aRetractionTakesItsTargetOut() {
        log.add(founded("Netwerk", "2024-01-10"));
        String join = log.add(joined(HOSPITAL, "Ziekenhuis", ParticipationLevel.CORE, "2024-02-01"));
        log.add(retracted(join, "2024-03-01"));

        assertThat(history().entries()).extracting(LoggedEntry::eventId).containsExactly("e1");
        assertThat(history().corrections()).extracting(EffectiveHistory.Correction::status).containsExactly(Status.APPLIED);
    }

    @Test
    void retractingARetractionBringsItsTargetBack() {
        log.add(founded("Netwerk", "2024-01-10"));
        String join = log.add(joined(HOSPITAL, "Ziekenhuis", ParticipationLevel.CORE, "2024-02-01"));
        String retraction = log.add(retracted(join, "2024-03-01"));
        log.add(retracted(retraction, "2024-03-02"));

        assertThat(history().entries()).extracting(LoggedEntry::eventId).containsExactly("e1", join);
        assertThat(history().corrections()).extracting(EffectiveHistory.Correction::status)
                                           .containsExactly(Status.WITHDRAWN, Status.APPLIED);
    }

    @Test
    void retractingACorrectionRestoresTheOriginal() {
        log.add(founded("Netwerk", "2024-01-10"));
        PartnerJoined original = joined(HOSPITAL, "Ziekenhuis", ParticipationLevel.CORE, "2024-02-01");
        String join = log.add(original);
        String correction = log.add(corrected(join, joined(HOSPITAL, "Ziekenhuis", ParticipationLevel.ASSOCIATE,
                                                           "2024-02-01"), "2024-03-01"));
        log.add(retracted(correction, "2024-03-02"));

        assertThat(history().entries().get(1).event()).isEqualTo(original);
    }

    @Test
    void ofSeveralCorrectionsOfOneEntryTheOneLoggedLastWins() {
        log.add(founded("Netwerk", "2024-01-10"));
        String join = log.add(joined(HOSPITAL, "A", ParticipationLevel.CORE, "2024-02-01"));
        log.add(corrected(join, joined(HOSPITAL, "B", ParticipationLevel.CORE, "2024-02-01"), "2024-03-01"));
        log.add(corrected(join, joined(HOSPITAL, "C", ParticipationLevel.CORE, "2024-02-01"), "2024-03-02"));

        assertThat(((PartnerJoined) history().entries().get(1).event()).name()).isEqualTo("C");
    }

    @Test
    void aCorrectionWithAReplacementOfAnotherKindChangesNothing() {
        log.add(founded("Netwerk", "2024-01-10"));
        String join = log.add(joined(HOSPITAL, "Ziekenhuis", ParticipationLevel.CORE, "2024-02-01"));
        log.add(corrected(join, withdrew(HOSPITAL, "oops", "2024-02-01"), "2024-03-01"));

        assertThat(history().entries()).extracting(LoggedEntry::eventId).containsExactly("e1", join);
        assertThat(history().entries().get(1).event()).isInstanceOf(PartnerJoined.class);
        assertThat(history().corrections()).extracting(EffectiveHistory.Correction::status)
                                           .containsExactly(Status.TYPE_MISMATCH);
    }

    @Test
    void aCorrectionOrRetractionNamingNoEarlierEntryChangesNothing() {
        log.add(founded("Netwerk", "2024-01-10"));
        log.add(retracted("no-such-event", "2024-03-01"));
        log.add(retracted("e4", "2024-03-01"));
        log.add(joined(HOSPITAL, "Ziekenhuis", ParticipationLevel.CORE, "2024-02-01"));

        assertThat(history().entries()).extracting(LoggedEntry::eventId).containsExactly("e1", "e4");
        assertThat(history().corrections()).extracting(EffectiveHistory.Correction::status)
                                           .containsExactly(Status.UNKNOWN_TARGET, Status.UNKNOWN_TARGET);
    }
}
