package nl.samenspel.command.network;

import nl.samenspel.kernel.agreement.AgreementKind;
import nl.samenspel.kernel.agreement.AgreementMade;
import nl.samenspel.kernel.correction.EntryCorrected;
import nl.samenspel.kernel.network.CollaborationForm;
import nl.samenspel.kernel.network.FoundNetwork;
import nl.samenspel.kernel.network.Phase;
import nl.samenspel.kernel.network.PhaseChanged;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static nl.samenspel.command.network.RulesFixture.*;

/**
 * Only text that can be stored and hashed as sent gets in: no unpaired surrogates, no control characters (tab and
 * line breaks allowed in free text), and names that are one line without bidirectional or zero-width characters,
 * compared after Unicode normalisation so that no look-alike partner can join.
 */
class TextRulesTest {
    private FixtureConfiguration<Network> fixture;

    @BeforeEach
    void setUp() {
        fixture = newFixture();
    }

    static PhaseChanged phase(String rationale, String note) {
        return new PhaseChanged(NETWORK, Phase.DIP, rationale, ON, null, note);
    }

    static AgreementMade agreement(String title) {
        return new AgreementMade(NETWORK, UUID.randomUUID(), title, AgreementKind.OPERATIONAL, null,
                                 List.of(HOSPITAL, MUNICIPALITY), null, ON, null, null);
    }

    @Nested
    class FreeText {
        @Test
        void anUnpairedSurrogateInANoteIsRefused() {
            fixture.given(network())
                   .when(record(phase("growing", "lone \uD800 surrogate")))
                   .expectNoEvents()
                   .expectException(invalid("note"));
        }

        @Test
        void aLowSurrogateWithoutItsHighHalfIsRefused() {
            fixture.given(network())
                   .when(record(phase("\uDC00 first", null)))
                   .expectNoEvents()
                   .expectException(invalid("rationale"));
        }

        @Test
        void aNulCharacterIsRefused() {
            fixture.given(network())
                   .when(record(phase("growing\u0000", null)))
                   .expectNoEvents()
                   .expectException(invalid("rationale"));
        }

        @Test
        void otherControlCharactersAreRefused() {
            fixture.given(network())
                   .when(record(phase("bell \u0007 and \u009B", null)))
                   .expectNoEvents()
                   .expectException(invalid("rationale"));
        }

        /** An optional note of only spaces and line breaks says nothing: it is refused, not stored as a blank note. */
        @Test
        void anOptionalTextOfOnlyWhitespaceIsRefused() {
            for (String blank : List.of("   ", "\n\t ", "", "\u00A0\u2003", "\u2800 \u00AD")) {
                fixture.given(network())
                       .when(record(phase("growing", blank)))
                       .expectNoEvents()
                       .expectException(invalid("note"));
            }
        }

        @Test
        void anOptionalTextThatSaysSomethingIsTaken() {
            fixture.given(network())
                   .when(record(phase("growing", "  kept as sent  ")))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(phase("growing", "  kept as sent  "));
        }

        /** A noncharacter cannot stand in a document: the steering report of a network holding one failed to render. */
        @Test
        void aNoncharacterIsRefused() {
            for (String text : List.of("growing \uFFFF", "growing \uFFFE", "growing \uFDD0", "growing \uDBFF\uDFFF")) {
                fixture.given(network())
                       .when(record(phase(text, null)))
                       .expectNoEvents()
                       .expectException(invalid("rationale"));
            }
        }

        @Test
        void tabsLineBreaksAstralCharactersCombiningMarksAndBidiControlsAreKept() {
            String text = "Eerste regel\r\nTweede\tregel \uD83E\uDD1D Cafe\u0301 \u202Bעברית\u202C";
            fixture.given(network())
                   .when(record(phase(text, text)))
                   .expectEvents(phase(text, text));
        }

        @Test
        void aBadCharacterInACorrectionsReplacementNamesTheReplacementField() {
            fixture.given(network())
                   .when(record(new EntryCorrected(NETWORK, UUID.randomUUID().toString(), "typo",
                                                   phase("ok", "bad \u0000"), ON, null, null)))
                   .expectNoEvents()
                   .expectException(invalid("replacement.note"));
        }
    }

    @Nested
    class Names {
        @Test
        void aRightToLeftOverrideInAPartnerNameIsRefused() {
            fixture.given(network())
                   .when(record(joined(UUID.randomUUID(), "Zorg\u202Egnilpmaxe", ON)))
                   .expectNoEvents()
                   .expectException(invalid("name"));
        }

        @Test
        void aZeroWidthSpaceInAPartnerNameIsRefused() {
            fixture.given(network())
                   .when(record(joined(UUID.randomUUID(), "Ziekenhuis Noord\u200B", ON)))
                   .expectNoEvents()
                   .expectException(invalid("name"));
        }

        /** A name that shows as nothing (no-break spaces, a braille blank, a soft hyphen) is no name: it is refused. */
        @Test
        void aPartnerNameThatShowsAsNothingIsRefused() {
            for (String blank : List.of("\u00A0\u00A0", "\u2800", "\u3000\u00AD")) {
                fixture.given(network())
                       .when(record(joined(UUID.randomUUID(), blank, ON)))
                       .expectNoEvents()
                       .expectException(invalid("name"));
            }
        }

        @Test
        void aNoncharacterInAPartnerNameIsRefused() {
            fixture.given(network())
                   .when(record(joined(UUID.randomUUID(), "Gemeente Noord\uFFFF", ON)))
                   .expectNoEvents()
                   .expectException(invalid("name"));
        }

        /** What shows as nothing, and a space of another kind, do not make a second partner of the same name. */
        @Test
        void aPartnerNameThatDiffersOnlyInWhatShowsAsNothingIsAConflict() {
            for (String name : List.of("Zieken\u00ADhuis Noord", "Ziekenhuis Noord\uFE0F", "Ziekenhuis Noord\u00A0",
                                       "Ziekenhuis\u00A0Noord", "Ziekenhuis Noord\uDB40\uDC41", "Ziekenhuis Noord\u3164",
                                       "Zieken\u034Fhuis Noord", "Ziekenhuis  Noord", "\uFF3Aiekenhuis Noord",
                                       "Ziekenhuis Noord\u2800", "Ziekenhuis Noord\uFFF9")) {
                fixture.given(network())
                       .when(record(joined(UUID.randomUUID(), name, ON)))
                       .expectNoEvents()
                       .expectException(conflict("name"));
            }
        }

        @Test
        void aNameWithALineBreakIsRefused() {
            fixture.given(network())
                   .when(record(agreement("Joint\nnight shift")))
                   .expectNoEvents()
                   .expectException(invalid("title"));
        }

        @Test
        void aPartnerNameThatOnlyDiffersInUnicodeNormalisationIsAConflict() {
            fixture.given(network(joined(UUID.randomUUID(), "Caf\u00E9 Noord", FOUNDED)))
                   .when(record(joined(UUID.randomUUID(), "CAFE\u0301 noord", ON)))
                   .expectNoEvents()
                   .expectException(conflict("name"));
        }

        @Test
        void namesInAnyScriptAreAccepted() {
            fixture.given(network())
                   .when(record(joined(UUID.randomUUID(), "مستشفى الشمال \uD83C\uDFE5", ON)))
                   .expectSuccessfulHandlerExecution();
        }

        /**
         * The zero-width non-joiner and joiner are part of how some scripts are written: a Persian name keeps two
         * letters apart with the non-joiner, Sinhala writes "Sri" with the joiner after a virama, and the joiner makes
         * one emoji of two. There they are taken, and a name compared without them is the same name.
         */
        @Test
        void aJoinerOrNonJoinerWhereTheScriptUsesItIsAccepted() {
            for (String name : List.of("\u062E\u0627\u0646\u0647\u200C\u06CC \u0633\u0644\u0627\u0645\u062A",
                                       "\u0DC1\u0DCA\u200D\u0DBB\u0DD3 \u0DBD\u0D82\u0D9A\u0DCF \u0DBB\u0DD2\u0DBA",
                                       "\u0915\u094D\u200D\u0937 \u0938\u0947\u0935\u093E",
                                       "Wijkteam \uD83D\uDC69\u200D\u2695\uFE0F",
                                       "Thuiszorg \uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDC67")) {
                fixture.given(network())
                       .when(record(joined(UUID.randomUUID(), name, ON)))
                       .expectSuccessfulHandlerExecution();
            }
            fixture.given(network(joined(UUID.randomUUID(), "\u062E\u0627\u0646\u0647\u200C\u06CC \u0633\u0644\u0627\u0645\u062A", FOUNDED)))
                   .when(record(joined(UUID.randomUUID(), "\u062E\u0627\u0646\u0647\u06CC \u0633\u0644\u0627\u0645\u062A", ON)))
                   .expectNoEvents()
                   .expectException(conflict("name"));
        }

        /** Where a joiner joins nothing a reader sees (Latin letters, an end, a space), it only hides a difference. */
        @Test
        void aJoinerOrNonJoinerThatJoinsNothingIsRefused() {
            for (String name : List.of("Zieken\u200Dhuis Noord", "Ziekenhuis\u200C Noord", "\u200C\u0633\u0644\u0627\u0645\u062A",
                                       "\u0633\u0644\u0627\u0645\u062A\u200D", "Wijkteam \uD83D\uDC69\u200C\u2695\uFE0F",
                                       "\u0633\u0644\u0627\u0645\u200C\u200C\u062A")) {
                fixture.given(network())
                       .when(record(joined(UUID.randomUUID(), name, ON)))
                       .expectNoEvents()
                       .expectException(invalid("name"))
                       .expectExceptionMessage(org.hamcrest.Matchers.containsString("where it joins nothing"));
            }
        }

        @Test
        void aFoundingNameWithAZeroWidthJoinerOrNulIsRefused() {
            newFixture().givenNoPriorActivity()
                        .when(new FoundNetwork(NETWORK, UUID.randomUUID(), "Netwerk\u200D", "care\u0000", null,
                                               CollaborationForm.NETWORK, null, FOUNDED, null, null))
                        .expectNoEvents()
                        .expectException(invalid("sector"))
                        .expectExceptionMessage(org.hamcrest.Matchers.containsString("name: holds a zero-width joiner"));
        }
    }
}
