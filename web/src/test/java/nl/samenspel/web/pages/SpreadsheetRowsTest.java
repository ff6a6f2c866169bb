package nl.samenspel.web.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused line of an import is named by the row a spreadsheet shows, also after a cell with a line break. */
class SpreadsheetRowsTest {

    @Test
    void rowsMatchLinesUntilACellHoldsALineBreak() {
        SpreadsheetRows rows = SpreadsheetRows.of("""
                type,quantity,note
                contribution-recorded,10,"two
                lines"
                contribution-recorded,-5,one line
                """);
        assertThat(rows.rowNumber(1)).isEqualTo(1);
        assertThat(rows.rowNumber(2)).isEqualTo(2);
        assertThat(rows.rowNumber(4)).as("starts on line 4, is row 3").isEqualTo(3);
        assertThat(rows.rowsSpanLines()).isTrue();
        assertThat(rows.cell(4, "quantity")).isEqualTo("-5");
        assertThat(rows.cell(2, "note")).isEqualTo("two\nlines");
    }

    @Test
    void emptyRowsCountAsASpreadsheetCountsThemAndAFieldNamesItsColumn() {
        SpreadsheetRows rows = SpreadsheetRows.of("\uFEFFtype;partyIds\r\n\r\nagreement-made;\"a;b\"\r\n");
        assertThat(rows.rowNumber(3)).isEqualTo(3);
        assertThat(rows.rowsSpanLines()).isFalse();
        assertThat(rows.cell(3, "partyIds")).isEqualTo("a;b");
        assertThat(rows.cell(3, "partyIds[1]")).as("the value a refusal names, not the whole cell").isEqualTo("b");
        assertThat(rows.cell(3, "title")).isNull();
    }

    /** A row refused as a whole (more cells than the header names) shows as read, not as "(empty)". */
    @Test
    void aRowRefusedAsAWholeShowsItsCells() {
        SpreadsheetRows rows = SpreadsheetRows.of("type;partyIds;note\nagreement-made;Alpha;Beta;signed\n");
        assertThat(rows.cell(2, "line")).isEqualTo("agreement-made | Alpha | Beta | signed");
    }
}
