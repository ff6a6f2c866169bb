package nl.samenspel.command.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.samenspel.kernel.exchange.ContributionRecorded;
import nl.samenspel.kernel.meeting.Attendance;
import nl.samenspel.kernel.meeting.MeetingHeld;
import nl.samenspel.kernel.network.RecordEntry;
import nl.samenspel.kernel.people.Level;
import nl.samenspel.kernel.tension.Signal;
import nl.samenspel.kernel.tension.TemperatureMeasured;
import nl.samenspel.kernel.validation.FieldError;
import nl.samenspel.kernel.validation.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading import files into entries: line numbers, CSV quoting and separators, list and nested cells. */
class ImportFileTest {
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final UUID NETWORK = UUID.randomUUID();
    private static final String A = "4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c01";
    private static final String B = "4a7c2e10-5b3d-4f6a-9c21-7e8d0b1a2c02";

    private final EntryReader reader = new EntryReader(JSON);

    private RecordEntry entry(ImportFile.Line line) {
        assertThat(line.unreadable()).as("line %d is readable", line.number()).isNull();
        return reader.read(NETWORK, EntryReader.type(line.type()), line.fields(), UUID::randomUUID);
    }

    @Test
    void jsonLinesAreNumberedAsInTheFileAndBlankLinesAreSkipped() {
        List<ImportFile.Line> lines = ImportFile.jsonLines("""
                {"type":"success-achieved","kind":"grant","title":"Regional grant","occurredOn":"2025-06-20"}

                {"type":"success-achieved","kind":"milestone","title":"First plan","occurredOn":"2025-06-21"}
                """, JSON);

        assertThat(lines).extracting(ImportFile.Line::number).containsExactly(1, 3);
        assertThat(entry(lines.get(1)).entry().occurredOn()).hasToString("2025-06-21");
    }

    @Test
    void badJsonAMissingTypeAndANonObjectAreReportedWithTheirLines() {
        List<ImportFile.Line> lines = ImportFile.jsonLines("""
                {"type":"success-achieved",
                {"kind":"grant"}
                [1,2]
                """, JSON);

        assertThat(lines).extracting(ImportFile.Line::number).containsExactly(1, 2, 3);
        assertThat(lines).allMatch(line -> line.unreadable() != null);
        assertThat(lines.get(0).unreadable().errors().get(0).message()).startsWith("is not valid JSON");
        assertThat(lines.get(1).unreadable().errors()).extracting(FieldError::field).containsExactly("type");
    }

    @Test
    void aFileSeparatedBySemicolonsWritesItsDecimalsWithACommaAsDutchSpreadsheetsDo() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type;fromPartnerId;kind;quantity;unit;estimatedValueEur;capital;status;occurredOn
                contribution-recorded;%s;capacity;12,5;hours;1250,75;social;delivered;2025-02-10
                contribution-recorded;%s;money;2000;EUR;2000.50;economic;delivered;2025-02-11
                """.formatted(A, A), JSON);

        ContributionRecorded hours = (ContributionRecorded) entry(lines.get(0)).entry();
        assertThat(hours.quantity()).isEqualByComparingTo("12.5");
        assertThat(hours.estimatedValueEur()).isEqualByComparingTo("1250.75");
        ContributionRecorded money = (ContributionRecorded) entry(lines.get(1)).entry();
        assertThat(money.estimatedValueEur()).as("a decimal point still reads").isEqualByComparingTo("2000.50");
    }

    /**
     * A Dutch spreadsheet saves a date as it shows it, day first with dashes ("7-12-2025"): in a file separated by
     * semicolons, as such a spreadsheet saves it, that is 7 December 2025, and was refused as no date. A day that does
     * not exist stays refused on its field, and so does such a date in a file separated by commas, where "7-12-2025"
     * may be written month first.
     */
    @Test
    void aFileSeparatedBySemicolonsReadsDatesWrittenDayFirstAsDutchSpreadsheetsSaveThem() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type;fromPartnerId;kind;quantity;unit;capital;status;occurredOn
                contribution-recorded;%s;capacity;12;hours;social;delivered;7-12-2025
                contribution-recorded;%s;capacity;12;hours;social;delivered;07-02-2025
                contribution-recorded;%s;capacity;12;hours;social;delivered;31-2-2025
                """.formatted(A, A, A), JSON);
        assertThat(entry(lines.get(0)).entry().occurredOn()).isEqualTo(java.time.LocalDate.of(2025, 12, 7));
        assertThat(entry(lines.get(1)).entry().occurredOn()).isEqualTo(java.time.LocalDate.of(2025, 2, 7));
        assertThat(lines.get(2).unreadable()).as("no 31 February").isNotNull();
        assertThat(lines.get(2).unreadable().errors()).extracting(FieldError::field).containsExactly("occurredOn");

        List<ImportFile.Line> commas = ImportFile.csv("""
                type,fromPartnerId,kind,quantity,unit,capital,status,occurredOn
                contribution-recorded,%s,capacity,12,hours,social,delivered,7-12-2025
                """.formatted(A), JSON);
        assertThat(commas.get(0).unreadable()).as("not guessed at").isNotNull();
        assertThat(commas.get(0).unreadable().errors().get(0).message()).startsWith("is not a date written YYYY-MM-DD");
        assertThat(lines.get(2).unreadable().errors().get(0).message()).contains("day-month-year");
    }

    /**
     * In a file separated by semicolons a point groups thousands, as Dutch writes them: "1.250,50" is 1250.50 and
     * "2.000.000" two million, and "1.250", which was logged as 1.25 without a word, reads two ways and is asked about on its field.
     */
    @Test
    void aFileSeparatedBySemicolonsReadsPointsBetweenThousandsAndAsksAboutANumberThatReadsTwoWays() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type;fromPartnerId;kind;quantity;unit;estimatedValueEur;capital;status;occurredOn
                contribution-recorded;%s;money;1.250,50;EUR;2.000.000;economic;delivered;2025-02-10
                contribution-recorded;%s;money;1.250;EUR;1.250;economic;delivered;2025-02-11
                """.formatted(A, A), JSON);

        ContributionRecorded money = (ContributionRecorded) entry(lines.get(0)).entry();
        assertThat(money.quantity()).isEqualByComparingTo("1250.50");
        assertThat(money.estimatedValueEur()).isEqualByComparingTo("2000000");
        assertThat(lines.get(1).unreadable()).as("not logged as 1.25").isNotNull();
        assertThat(lines.get(1).unreadable().errors()).extracting(FieldError::field)
                                                      .containsExactlyInAnyOrder("quantity", "estimatedValueEur");
        assertThat(lines.get(1).unreadable().errors().get(0).message())
                .startsWith("reads two ways: as ").contains("(a point between thousands)");
    }

    /**
     * In a file separated by commas a comma groups thousands, as English writes them and a spreadsheet saves a cell
     * formatted so: "12,500" was refused as no number, with advice to write a decimal point (12.500, logged as 12.5).
     * "1,250" alone reads two ways and is asked about; "12,5" stays an error.
     */
    @Test
    void aFileSeparatedByCommasReadsCommasBetweenThousandsAndAsksAboutANumberThatReadsTwoWays() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type,fromPartnerId,kind,quantity,unit,estimatedValueEur,capital,status,occurredOn
                contribution-recorded,%s,money,"12,500.50",EUR,"€2,000,000",economic,delivered,2025-02-10
                contribution-recorded,%s,money,"1,250",EUR,"12,5",economic,delivered,2025-02-11
                """.formatted(A, A), JSON);

        ContributionRecorded money = (ContributionRecorded) entry(lines.get(0)).entry();
        assertThat(money.quantity()).isEqualByComparingTo("12500.50");
        assertThat(money.estimatedValueEur()).isEqualByComparingTo("2000000");
        assertThat(lines.get(1).unreadable().errors()).extracting(FieldError::field)
                                                      .containsExactlyInAnyOrder("quantity", "estimatedValueEur");
        assertThat(lines.get(1).unreadable().errors()).extracting(FieldError::message).containsExactlyInAnyOrder(
                "reads two ways: as 1250 (a comma between thousands) or as 1.25 (a decimal comma); write a whole "
                + "number without a separator (1250), or a decimal with a point (1.25)",
                "is not a number: in a file separated by commas a decimal is written with a point (2.5), or separate "
                + "the file by semicolons");
    }

    /**
     * A sum of money as a spreadsheet saves a cell formatted as euros, with its sign before or after and a (no-break)
     * space ("€ 1.250,50", "1.250,50 €", "EUR 300"), is read as the sum: it was refused as no number. Only where the
     * cell holds euros: the estimated value, or a quantity whose unit is EUR; a quantity in hours with a euro sign
     * stays refused.
     */
    @Test
    void aSumWrittenWithTheEuroSignIsReadWhereTheCellHoldsEuros() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type;fromPartnerId;kind;quantity;unit;estimatedValueEur;capital;status;occurredOn
                contribution-recorded;%s;money;\u20ac\u00a01.250,50;EUR;1.250,50 \u20ac;economic;delivered;2025-02-10
                contribution-recorded;%s;money;EUR 300;EUR;\u20ac75;economic;delivered;2025-02-11
                contribution-recorded;%s;capacity;\u20ac 12;hours;\u20ac 600;social;delivered;2025-02-12
                contribution-recorded;%s;money;300;EUR;-\u20ac 5,00;economic;delivered;2025-02-13
                """.formatted(A, A, A, A), JSON);

        ContributionRecorded first = (ContributionRecorded) entry(lines.get(0)).entry();
        assertThat(first.quantity()).isEqualByComparingTo("1250.50");
        assertThat(first.estimatedValueEur()).isEqualByComparingTo("1250.50");
        ContributionRecorded second = (ContributionRecorded) entry(lines.get(1)).entry();
        assertThat(second.quantity()).isEqualByComparingTo("300");
        assertThat(second.estimatedValueEur()).isEqualByComparingTo("75");
        assertThat(lines.get(2).fields().path("estimatedValueEur").decimalValue()).isEqualByComparingTo("600");
        assertThatThrownBy(() -> entry(lines.get(2))).as("twelve hours are no euros").isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).errors()).extracting(FieldError::field).containsExactly("quantity"));
        // a sign before the euro sign, as a bank statement writes it, is the number's: -5,00, no "not a number"
        assertThat(lines.get(3).unreadable()).as("read as a number").isNull();
        assertThat(lines.get(3).fields().path("estimatedValueEur").decimalValue()).isEqualByComparingTo("-5.00");
    }

    /**
     * A list cell without quotes in a file separated by semicolons splits into more cells than the header names: the
     * refusal says the likely cause and keeps the kind of entry the row's type cell names ("(no kind)" stood beside
     * "meeting-held").
     */
    @Test
    void aRowWithMoreCellsThanTheHeaderSaysToQuoteTheCellAndKeepsItsKind() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type;title;kind;partyIds;occurredOn
                agreement-made;Shared desk;promise;%s;%s;2025-02-10
                """.formatted(A, A), JSON);

        assertThat(lines.get(0).type()).isEqualTo("agreement-made");
        assertThat(lines.get(0).unreadable().errors().get(0).message())
                .isEqualTo("has 6 cells, the header names 5; a cell that holds ; goes between double quotes");
    }

    /** Every cell of a row that names no value of its field is said at once: a wrong kind, then a wrong unit, took two rounds. */
    @Test
    void everyCellNamingNoValueOfItsFieldIsSaidAtOnce() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type;fromPartnerId;kind;quantity;unit;capital;status;occurredOn
                contribution-recorded;%s;geld;3;euro;economic;delivered;2025-02-10
                """.formatted(A), JSON);

        assertThat(lines.get(0).unreadable()).isNotNull();
        assertThat(lines.get(0).unreadable().errors()).extracting(FieldError::field).containsExactlyInAnyOrder("kind", "unit");
        assertThat(lines.get(0).unreadable().errors()).extracting(FieldError::message)
                .contains("must be one of: money, capacity, knowledge, facilities, network-access, other");
    }

    /** A cell that shows as nothing is an empty cell, as one of spaces is: its field is left out, not refused as blank. */
    @Test
    void aCellThatShowsAsNothingIsEmpty() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type;phase;rationale;note;occurredOn
                phase-changed;dip;Energy fell;\u00a0\u00a0;2025-02-10
                phase-changed;dip;Energy fell;\u200b;2025-02-11
                """, JSON);
        for (ImportFile.Line line : lines) {
            assertThat(line.unreadable()).isNull();
            assertThat(line.fields().has("note")).isFalse();
            assertThat(((nl.samenspel.kernel.network.PhaseChanged) entry(line).entry()).note()).isNull();
        }
    }

    /** A yes/no cell as a spreadsheet says it, in either language; anything else is refused on its field. */
    @Test
    void aYesOrNoIsReadInEitherLanguage() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type;evaluationId;instrument;title;joint;occurredOn
                evaluation-opened;%s;five-conditions;Voorjaar;ja;2025-02-10
                evaluation-opened;%s;five-conditions;Najaar;Nee;2025-09-10
                evaluation-opened;%s;five-conditions;Winter;TRUE;2025-12-10
                evaluation-opened;%s;five-conditions;Zomer;misschien;2025-06-10
                evaluation-opened;%s;five-conditions;Herfst;WAAR;2025-10-10
                evaluation-opened;%s;five-conditions;Lente;onwaar;2025-04-10
                """.formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                              UUID.randomUUID(), UUID.randomUUID()), JSON);

        assertThat(((nl.samenspel.kernel.evaluation.EvaluationOpened) entry(lines.get(0)).entry()).joint()).isTrue();
        assertThat(((nl.samenspel.kernel.evaluation.EvaluationOpened) entry(lines.get(1)).entry()).joint()).isFalse();
        assertThat(((nl.samenspel.kernel.evaluation.EvaluationOpened) entry(lines.get(2)).entry()).joint()).isTrue();
        assertThatThrownBy(() -> entry(lines.get(3)))
                .isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).errors()).extracting(FieldError::field).contains("joint"));
        // as a spreadsheet in a Dutch locale saves a yes or a no
        assertThat(((nl.samenspel.kernel.evaluation.EvaluationOpened) entry(lines.get(4)).entry()).joint()).isTrue();
        assertThat(((nl.samenspel.kernel.evaluation.EvaluationOpened) entry(lines.get(5)).entry()).joint()).isFalse();
    }

    @Test
    void aFileSeparatedByCommasDoesNotReadACommaInANumberAsADecimalComma() {
        // "1,000" in such a file may mean a thousand: refused, not read as one
        List<ImportFile.Line> lines = ImportFile.csv("""
                type,fromPartnerId,kind,quantity,unit,capital,status,occurredOn
                contribution-recorded,%s,capacity,"1,000",hours,social,delivered,2025-02-10
                """.formatted(A), JSON);

        // refused on its cell, with both readings and how to write each (the reason said only "is not a number")
        assertThat(lines.get(0).unreadable()).isNotNull();
        assertThat(lines.get(0).unreadable().errors()).extracting(FieldError::field).containsExactly("quantity");
        assertThat(lines.get(0).unreadable().errors().get(0).message())
                .startsWith("reads two ways: as 1000 (a comma between thousands) or as 1 (a decimal comma)");
    }

    @Test
    void csvListsAttendanceAndQuotedCellsBecomeTheEntrysFields() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type,kind,modality,purpose,attendance,pair,level,signals,occurredOn,note
                meeting-held,formal,hybrid,"Steering group, budget",%s:board;%s:management,,,,2025-01-14,"He said ""yes""
                on two lines"
                temperature-measured,,,,,%s;%s,2,guardedness; avoided-topics,2025-03-05,
                """.formatted(A, B, A, B), JSON);

        assertThat(lines).extracting(ImportFile.Line::number).containsExactly(2, 4);
        MeetingHeld meeting = (MeetingHeld) entry(lines.get(0)).entry();
        assertThat(meeting.purpose()).isEqualTo("Steering group, budget");
        assertThat(meeting.attendance()).containsExactly(new Attendance(UUID.fromString(A), Level.BOARD),
                                                         new Attendance(UUID.fromString(B), Level.MANAGEMENT));
        assertThat(meeting.note()).isEqualTo("He said \"yes\"\non two lines");
        TemperatureMeasured temperature = (TemperatureMeasured) entry(lines.get(1)).entry();
        assertThat(temperature.pair()).containsExactly(UUID.fromString(A), UUID.fromString(B));
        assertThat(temperature.level()).isEqualTo(2);
        assertThat(temperature.signals()).containsExactlyInAnyOrder(Signal.GUARDEDNESS, Signal.AVOIDED_TOPICS);
    }

    @Test
    void aSemicolonSeparatedFileAsDutchSpreadsheetsSaveItIsRead() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type;title;kind;partyIds;occurredOn\r
                agreement-made;Gedeelde intake;promise;"%s;%s";2024-06-12\r
                """.formatted(A, B), JSON);

        assertThat(lines).hasSize(1);
        assertThat(entry(lines.get(0)).entry()).hasFieldOrPropertyWithValue("partyIds",
                List.of(UUID.fromString(A), UUID.fromString(B)));
    }

    @Test
    void cellsInColumnsOfOtherKindsAndBadAttendanceAreReportedPerLine() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type,title,kind,partyIds,attendance,modality,purpose,occurredOn
                success-achieved,Grant,grant,%s,,,,2025-06-20
                meeting-held,,formal,,%s,online,Check-in,2025-06-21
                no-such-kind,,,,,,,2025-06-22
                """.formatted(A, A), JSON);

        assertThat(lines).extracting(ImportFile.Line::number).containsExactly(2, 3, 4);
        assertThat(lines.get(0).unreadable().errors()).extracting(FieldError::field).containsExactly("partyIds");
        assertThat(lines.get(1).unreadable().errors()).extracting(FieldError::field).containsExactly("attendance[0]");
        assertThat(lines.get(1).unreadable().errors().get(0).message()).contains("partnerId:level");
        assertThat(lines.get(2).type()).isEqualTo("no-such-kind");
        assertThat(lines.get(2).unreadable().errors()).extracting(FieldError::field).containsExactly("type");
    }

    @Test
    void aHeaderWithoutTypeOrWithAnUnknownColumnRefusesTheFileAtLineOne() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                kind,titel,occurredOn
                grant,Grant,2025-06-20
                """, JSON);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).number()).isEqualTo(1);
        assertThat(lines.get(0).unreadable().errors()).extracting(FieldError::field).containsExactly("line 1", "titel");
    }

    @Test
    void anUnclosedQuoteIsReportedOnTheLineItOpens() {
        List<ImportFile.Line> lines = ImportFile.csv("""
                type,kind,title,occurredOn
                success-achieved,grant,Grant,2025-06-20
                success-achieved,grant,"Grant,2025-06-20
                success-achieved,grant,Grant,2025-06-20
                """, JSON);

        assertThat(lines).extracting(ImportFile.Line::number).containsExactly(2, 3);
        assertThat(lines.get(1).unreadable().errors().get(0).message()).contains("never closed");
    }

    @Test
    void emptyRowsAsSpreadsheetsLeaveThemAreSkipped() {
        assertThat(ImportFile.csv("type,kind,title,occurredOn\n,,,\nsuccess-achieved,grant,Grant,2025-06-20\n,,,\n",
                                  JSON))
                .extracting(ImportFile.Line::number).containsExactly(3);
    }
}
