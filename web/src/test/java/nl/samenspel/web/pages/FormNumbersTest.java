package nl.samenspel.web.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A number typed in a form is read as meant where it reads one way only, whichever way the person writes thousands,
 * and asked about where it reads two ways: "1.250,50" was refused as no number.
 */
class FormNumbersTest {

    @Test
    void aNumberWithPointsBetweenThousandsAndADecimalCommaReadsOneWay() {
        assertThat(EntryForms.numberProblem("1.250,50")).isNull();
        assertThat(EntryForms.decimal("1.250,50")).isEqualByComparingTo("1250.50");
        assertThat(EntryForms.decimal("2.000.000")).isEqualByComparingTo("2000000");
        assertThat(EntryForms.decimal("1,250.50")).isEqualByComparingTo("1250.50");
        assertThat(EntryForms.decimal("2,000,000")).isEqualByComparingTo("2000000");
        assertThat(EntryForms.decimal("12,5")).isEqualByComparingTo("12.5");
        assertThat(EntryForms.decimal("-0.75")).isEqualByComparingTo("-0.75");
    }

    @Test
    void aNumberThatReadsTwoWaysOrIsNoNumberIsNotGuessedAt() {
        assertThat(EntryForms.numberProblem("1.250")).isEqualTo(EntryForms.AMBIGUOUS);
        assertThat(EntryForms.numberProblem("2,500")).isEqualTo(EntryForms.AMBIGUOUS);
        for (String notOne : new String[] {"1.25.0", "1,250,5", "1.2,50", "12.50,5.0", "1e3", "NaN", "60d", "1.250.50"}) {
            assertThat(EntryForms.numberProblem(notOne)).as(notOne).isEqualTo("number");
        }
    }

    /**
     * A correction's form starts from the corrected entry's values, a decimal as the page's language writes it: a
     * Dutch form showed "250.25" beside "€ 250,25" everywhere else. Read back, it is the same number.
     */
    @Test
    void aDecimalIsFilledInAsThePagesLanguageWritesIt() {
        java.util.Locale dutch = java.util.Locale.forLanguageTag("nl");
        assertThat(EntryForms.written(new java.math.BigDecimal("250.25"), dutch)).isEqualTo("250,25");
        assertThat(EntryForms.written(new java.math.BigDecimal("250.25"), java.util.Locale.ENGLISH)).isEqualTo("250.25");
        assertThat(EntryForms.written(new java.math.BigDecimal("1E+3"), dutch)).isEqualTo("1000");
        assertThat(EntryForms.decimal(EntryForms.written(new java.math.BigDecimal("187500.50"), dutch)))
                .isEqualByComparingTo("187500.50");
    }
}
