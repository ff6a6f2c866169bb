package nl.samenspel.query.health;

import com.mongodb.client.MongoCollection;
import nl.samenspel.health.HealthModel;
import nl.samenspel.health.LoggedEntry;
import nl.samenspel.health.MonthHealth;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month's health is stored as the UTF-8 bytes of its JSON text, and a month stored before as a string still reads
 * the same.
 */
class StoredMonthFormsTest {
    private static final UUID NETWORK = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    @Test
    void aMonthIsStoredAsBytesAndAMonthStoredAsAStringReadsTheSame() throws Exception {
        try (HealthFixture fixture = new HealthFixture()) {
            fixture.logAYear(NETWORK);
            List<LoggedEntry> log = fixture.entries(NETWORK, 0, Long.MAX_VALUE - 1);
            LocalDate today = LocalDate.parse("2026-11-30");
            List<MonthHealth> months = HealthModel.standard().timeline(log, today).months();
            HealthStore store = fixture.healthStore();
            store.save(NETWORK, months, null, new HealthVersion(log.get(log.size() - 1).sequence(), today));
            fixture.assertStoredIsFoldOfWholeLog(NETWORK);

            MongoCollection<Document> stored = fixture.template().getCollection(HealthStore.MONTHS);
            Document first = stored.find(new Document("networkId", NETWORK.toString())).first();
            assertThat(first.get("health")).isInstanceOf(Binary.class);

            // As an earlier version wrote every month: its text as a string.
            for (Document month : stored.find(new Document("networkId", NETWORK.toString()))) {
                String text = new String(month.get("health", Binary.class).getData(), StandardCharsets.UTF_8);
                stored.updateOne(new Document("_id", month.get("_id")), new Document("$set", new Document("health", text)));
            }
            assertThat(stored.find(new Document("networkId", NETWORK.toString())).first().get("health"))
                    .isInstanceOf(String.class);
            fixture.assertStoredIsFoldOfWholeLog(NETWORK);
        }
    }
}
