package nl.samenspel.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.samenspel.web.api.SamenspelClient.MonthHealth;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The client reads a month whether it lists the evidence ids (one month) or only counts them (the timeline). */
class HealthAnswersTest {
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void aTimelineMonthGivesTheEvidenceCountWithoutIds() throws Exception {
        MonthHealth month = json.readValue("""
                {"month":"2024-03","indicators":{"H6":{"id":"H6","status":"WATCH","figures":{},"evidenceCount":4}},
                 "alerts":[{"id":"A4","severity":"WARNING","evidenceCount":2}]}""", MonthHealth.class);

        assertThat(month.indicator("H6").evidence()).isEmpty();
        assertThat(month.indicator("H6").evidenceCount()).isEqualTo(4);
        assertThat(month.alerts().get(0).evidenceCount()).isEqualTo(2);
    }

    @Test
    void aSingleMonthCountsTheIdsItLists() throws Exception {
        MonthHealth month = json.readValue("""
                {"month":"2024-03","indicators":{"H6":{"id":"H6","status":"WATCH","evidence":["e1","e2","e3"]}},
                 "alerts":[{"id":"A4","severity":"WARNING","evidence":["e1"]}]}""", MonthHealth.class);

        assertThat(month.indicator("H6").evidenceCount()).isEqualTo(3);
        assertThat(month.alerts().get(0).evidenceCount()).isEqualTo(1);
    }
}
