package nl.samenspel.query.health;

import nl.samenspel.health.HealthModel;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nl.samenspel.query.facts.Events.*;
import static nl.samenspel.query.health.HealthFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entry back-dated into a network's past recomputes every month after it, but most of those months come out as they
 * were: only the months whose health changed are written again; the others keep their stored documents. With a
 * network of ten years and entries logged into its past, writing every later month again wrote tens of megabytes per
 * entry.
 */
class UnchangedMonthsTest {

    private HealthFixture fixture;
    private HealthProjection projection;

    @BeforeEach
    void logAYear() {
        fixture = new HealthFixture();
        fixture.logAYear(NETWORK);
        projection = fixture.projection();
        projection.apply(NETWORK, fixture.entries(NETWORK, 0, 11));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void aBackDatedEntryRewritesOnlyTheMonthsItChanged() {
        LocalDate today = LocalDate.now(fixture.clock);
        List<MonthHealth> before = HealthModel.standard().timeline(fixture.logs.read(NETWORK, -1), today).months();
        Document storedBefore = fixture.storedNetwork(NETWORK);

        fixture.append(NETWORK, success("Grant from the province", "2026-03-02"));
        List<LoggedEntry> log = fixture.logs.read(NETWORK, -1);
        projection.apply(NETWORK, fixture.entries(NETWORK, 12, 12));

        List<MonthHealth> after = HealthModel.standard().timeline(log, today).months();
        Map<String, Object> keysBefore = storedBefore.get("monthKeys", Document.class);
        Map<String, Object> keysAfter = fixture.storedNetwork(NETWORK).get("monthKeys", Document.class);
        int kept = 0;
        int written = 0;
        for (int i = 0; i < after.size(); i++) {
            String month = after.get(i).month().toString();
            if (after.get(i).equals(before.get(i))) {
                assertThat(keysAfter.get(month)).as("%s came out the same: its document stays", month)
                                                .isEqualTo(keysBefore.get(month));
                kept++;
            } else {
                assertThat(keysAfter.get(month)).as("%s changed: written again", month)
                                                .isNotEqualTo(keysBefore.get(month));
                written++;
            }
        }
        assertThat(kept).as("months from March on that stayed the same").isGreaterThan(0);
        assertThat(written).as("months the grant changed").isGreaterThan(0);
        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
    }

    /**
     * What this copy stored is no longer what is stored once another instance stored the network (here: brought it to
     * a new day); then it cannot know which stored months equal its own, and writes every month it recomputed.
     */
    @Test
    void afterAnotherWriterStoredTheNetworkEveryRecomputedMonthIsWritten() {
        fixture.clock.set(LocalDate.parse("2026-12-01"));
        fixture.projection().refresh(NETWORK, LocalDate.now(fixture.clock));
        Document storedBefore = fixture.storedNetwork(NETWORK);
        fixture.append(NETWORK, success("Grant from the province", "2026-03-02"));

        projection.apply(NETWORK, fixture.entries(NETWORK, 12, 12));

        Map<String, Object> keysBefore = storedBefore.get("monthKeys", Document.class);
        Map<String, Object> keysAfter = fixture.storedNetwork(NETWORK).get("monthKeys", Document.class);
        assertThat(keysAfter).containsKey("2026-12");
        keysAfter.forEach((month, key) -> {
            if (month.compareTo("2026-03") >= 0) {
                assertThat(key).as(month).isNotEqualTo(keysBefore.get(month));
            }
        });
        fixture.assertStoredIsFoldOfWholeLog(NETWORK);
    }

    /**
     * A month before the latest is stored with how many entries lie behind each value, not their ids; explain computes
     * them again, and lists exactly the entries the fold names.
     */
    @Test
    void monthsBeforeTheLatestAreStoredWithCountsAndExplainListsTheirEntries() {
        LocalDate today = LocalDate.now(fixture.clock);
        List<MonthHealth> months = HealthModel.standard().timeline(fixture.logs.read(NETWORK, -1), today).months();
        HealthQueries queries = new HealthQueries(fixture.healthStore(), fixture.logs, fixture.clock);
        int checked = 0;
        for (MonthHealth month : months) {
            Document stored = fixture.healthStore().month(NETWORK, month.month());
            boolean latest = month == months.get(months.size() - 1);
            assertThat(EvidenceCounts.listed(stored)).as("%s lists its ids", month.month()).isEqualTo(latest);
            Document whole = fixture.healthStore().asStored(month);
            for (var indicator : month.indicators().entrySet()) {
                Map<String, Object> explained = queries.explain(NETWORK, indicator.getKey(), null, month.month(), true);
                Document value = (Document) explained.get("indicator");
                assertThat(value.getList("evidence", String.class)).as("%s %s", indicator.getKey(), month.month())
                        .isEqualTo(indicator.getValue().evidence());
                assertThat(value).as("%s %s, figures and status too", indicator.getKey(), month.month())
                        .isEqualTo(whole.get("indicators", Document.class).get(indicator.getKey()));
                checked += indicator.getValue().evidence().isEmpty() ? 0 : 1;
            }
            for (var alert : month.alerts()) {
                Map<String, Object> explained = queries.explain(NETWORK, null, alert.id(), month.month(), true);
                assertThat(((Document) explained.get("alert")).getList("evidence", String.class))
                        .as("%s %s", alert.id(), month.month()).isEqualTo(alert.evidence());
                assertThat(explained.get("alert")).as("%s %s, whole", alert.id(), month.month())
                        .isIn(whole.getList("alerts", Document.class));
            }
        }
        assertThat(checked).as("values with entries behind them").isGreaterThan(10);
    }
}
