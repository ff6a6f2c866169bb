package nl.samenspel.query.health;

import com.fasterxml.jackson.databind.JsonNode;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month stored with evidence counts is written in one pass, and its text is exactly what counting a copy of it as
 * maps gives: every evidence list, also a dip-risk driver's inside the figures, becomes its count in its place.
 */
class EvidenceCountsTest {
    private static final UUID NETWORK = UUID.fromString("00000000-0000-0000-0000-0000000000f2");

    @Test
    void everyMonthOfAYearIsWrittenAsTheCountedCopyOfIt() throws Exception {
        try (HealthFixture fixture = new HealthFixture()) {
            fixture.logAYear(NETWORK);
            List<LoggedEntry> log = fixture.entries(NETWORK, 0, Long.MAX_VALUE - 1);
            List<MonthHealth> months = HealthModel.standard().timeline(log, LocalDate.parse("2026-11-30")).months();
            int drivers = 0;
            int counted = 0;
            for (MonthHealth month : months) {
                byte[] text = new MonthText(fixture.json).counted(month);
                byte[] viaMaps = fixture.json.writeValueAsBytes(EvidenceCounts.counted(fixture.json.convertValue(month, Map.class)));
                assertThat(new String(text, StandardCharsets.UTF_8)).as("%s", month.month())
                        .isEqualTo(new String(viaMaps, StandardCharsets.UTF_8));
                JsonNode tree = fixture.json.readTree(text);
                assertThat(tree.findValues("evidence")).as("%s", month.month()).isEmpty();
                counted += tree.findValues("evidenceCount").stream().mapToInt(JsonNode::asInt).filter(n -> n > 0).count();
                drivers += tree.path("indicators").findValues("drivers").size();
            }
            assertThat(counted).as("evidence lists with something in them").isPositive();
            assertThat(drivers).as("dip-risk drivers, with evidence inside the figures").isPositive();
        }
    }

    @Test
    void aCountedListIsNotWalked() throws Exception {
        // A16 names every unanswered success since the founding in every month: a list read id by id when asked
        List<String> unreadable = new AbstractList<>() {
            @Override
            public String get(int index) {
                throw new AssertionError("an id of a counted list was read");
            }

            @Override
            public int size() {
                return 3;
            }
        };
        try (HealthFixture fixture = new HealthFixture()) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("evidence", unreadable);
            value.put("drivers", List.of(Map.of("evidence", List.of(unreadable, unreadable))));
            value.put("ids", List.of("a", "b"));
            assertThat(new String(new MonthText(fixture.json).counted(value), StandardCharsets.UTF_8))
                    .isEqualTo("{\"evidenceCount\":3,\"drivers\":[{\"evidenceCount\":2}],\"ids\":[\"a\",\"b\"]}");
        }
    }

    @Test
    void evidenceThatIsNoListAndListsInListsAreWrittenAsCountingMapsWould() throws Exception {
        try (HealthFixture fixture = new HealthFixture()) {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("evidence", "not a list");
            value.put("rows", List.of(Map.of("evidence", List.of("a", "b"), "name", "x"), List.of("evidence", "y")));
            value.put("nested", Map.of("deeper", Map.of("evidence", List.of())));
            value.put("numbers", Arrays.asList(1, 2.5, true));
            List<Object> nulls = new ArrayList<>();
            nulls.add(null);
            value.put("evidenceOfNothing", nulls);
            byte[] text = new MonthText(fixture.json).counted(value);
            assertThat(new String(text, StandardCharsets.UTF_8))
                    .isEqualTo(new String(fixture.json.writeValueAsBytes(EvidenceCounts.counted(
                            fixture.json.convertValue(value, Map.class))), StandardCharsets.UTF_8))
                    .contains("\"evidenceCount\":2", "\"evidence\":\"not a list\"", "\"evidenceCount\":0");
        }
    }
}
