package nl.samenspel.web.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A kind's type and wire name spell the same name two ways, so either finds the other without a list. */
class EntryKindsTest {

    @Test
    void everyKindsWireNameSpellsItsTypeBack() {
        for (String type : EntryKinds.TYPES) {
            assertThat(EntryKinds.type(EntryKinds.wireName(type))).isEqualTo(type);
        }
        assertThat(EntryKinds.type("contribution-status-changed")).isEqualTo("ContributionStatusChanged");
    }
}
