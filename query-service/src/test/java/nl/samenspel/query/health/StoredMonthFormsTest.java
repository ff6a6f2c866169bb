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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A month's health is stored in Smile, and a month stored before as the UTF-8 bytes of its JSON text, or as that text,
 * still reads the same.
 */
class StoredMonthFormsTest {
    private static final UUID NETWORK = UUID.fromString("00000000-0000-0000-0000-0000000000f1");

    @Test
    void aMonthIsStoredInSmileAndAMonthStoredAsJsonTextReadsTheSame() throws Exception {
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
            assertThat(MonthText.isSmile(first.get("health", Binary.class).getData())).isTrue();

            // As the version before wrote every month: the bytes of its JSON text, the latest with its ids.
            Map<String, MonthHealth> byMonth = new HashMap<>();
            months.forEach(month -> byMonth.put(month.month().toString(), month));
            MonthHealth latest = months.get(months.size() - 1);
            MonthText json = new MonthText(fixture.json);
            Map<Object, byte[]> texts = new HashMap<>();
            for (Document month : stored.find(new Document("networkId", NETWORK.toString()))) {
                MonthHealth computed = byMonth.get(month.getString("_id").split(":")[1]);
                byte[] text = computed == latest ? json.listed(computed) : json.counted(computed);
                texts.put(month.get("_id"), text);
                stored.updateOne(new Document("_id", month.get("_id")),
                                 new Document("$set", new Document("health", new Binary(text))));
            }
            assertThat(texts).hasSize(months.size());
            assertThat(MonthText.isSmile(stored.find(new Document("networkId", NETWORK.toString())).first()
                                               .get("health", Binary.class).getData())).isFalse();
            fixture.assertStoredIsFoldOfWholeLog(NETWORK);

            // As an earlier version wrote every month: its text as a string.
            texts.forEach((id, text) -> stored.updateOne(new Document("_id", id), new Document(
                    "$set", new Document("health", new String(text, StandardCharsets.UTF_8)))));
            assertThat(stored.find(new Document("networkId", NETWORK.toString())).first().get("health"))
                    .isInstanceOf(String.class);
            fixture.assertStoredIsFoldOfWholeLog(NETWORK);
        }
    }
}
