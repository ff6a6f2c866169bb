package nl.samenspel.eventstore;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory a stored document is reckoned to take grows with everything it holds. H2 decides from it when a page is
 * full and how many pages its cache keeps: a large value reckoned small filled the heap with cached pages.
 */
class BsonDocumentTypeTest {
    private static final int LARGE = 200_000;

    @Test
    void everyKindOfLargeValueCountsWithItsSize() {
        for (Object value : List.of(new BinData(new byte[LARGE]), "x".repeat(LARGE), new byte[LARGE],
                                    List.of("y".repeat(LARGE)), new Document("inner", "z".repeat(LARGE)))) {
            Document document = new Document("_id", 1L).append("value", value);
            assertThat(BsonDocumentType.INSTANCE.getMemory(document)).as(value.getClass().getSimpleName())
                    .isGreaterThanOrEqualTo(LARGE);
        }
    }
}
