package nl.samenspel.health;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The dip, people and tension block is part of the standard model, with H6 computed before H5 needs it. */
class CatalogueBlockBTest {

    @Test
    void the_standard_model_computes_the_block_with_dip_risk_before_energy() {
        List<String> indicators = Catalogue.indicators().stream().map(Indicator::id).toList();
        assertThat(indicators).contains("H5", "H6", "H7", "H8", "H9", "H10", "H11", "H13", "H14");
        assertThat(indicators.indexOf("H6")).isLessThan(indicators.indexOf("H5"));
        assertThat(Catalogue.alerts().stream().map(AlertRule::id).toList())
                .contains("A4", "A5", "A6", "A7", "A8", "A9", "A10", "A11", "A12", "A16");
    }

    @Test
    void every_month_of_the_standard_model_has_the_block() {
        HistoryBuilderB b = HistoryBuilderB.withPartners("2023-01-02", "A", "B");
        MonthHealth march = HealthModel.standard().timeline(b.log(), java.time.LocalDate.parse("2023-03-31")).latest();
        assertThat(march.indicators()).containsKeys("H5", "H6", "H7", "H8", "H9", "H10", "H11", "H13", "H14");
    }
}
