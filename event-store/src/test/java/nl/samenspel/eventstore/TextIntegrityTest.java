package nl.samenspel.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hash covers exactly the text the store keeps: any well-formed text reads back identical and verifies, and text
 * without a UTF-8 form (an unpaired surrogate, which the store would keep as U+FFFD) is refused before anything is
 * written, instead of breaking the chain at that event for good.
 */
class TextIntegrityTest {
    /** A payload with free text in it. */
    public record Remark(String text) {
    }

    private final StoreFixture fixture = new StoreFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void wellFormedTextOfEveryKindReadsBackIdenticalAndTheChainVerifies() throws Exception {
        List<String> texts = List.of("Zorgcoöperatie", "Cafe\u0301 (decomposed)", "\uD83D\uDE00 astral \uD834\uDD1E",
                                     "tab\tand\nlines", "\u202Eright-to-left", "\uFFFD", "\u05E9\u05DC\u05D5\u05DD");
        for (int i = 0; i < texts.size(); i++) {
            fixture.engine.appendEvents(remark("network-t", i, texts.get(i)));
        }
        ObjectMapper json = new ObjectMapper();
        List<String> readBack = fixture.engine.storedEvents("network-t")
                                              .map(e -> read(json, e.payload())).toList();
        assertThat(readBack).isEqualTo(texts);
        assertThat(fixture.engine.verifyChain("network-t").intact()).isTrue();
    }

    @Test
    void anUnpairedSurrogateIsRefusedBeforeAnythingIsStoredAndTheChainStaysIntact() {
        fixture.engine.appendEvents(remark("network-s", 0, "before"));
        long head = fixture.engine.head();

        for (String unpaired : List.of("lone \uD800 surrogate", "\uDC00 low first", "reversed \uDC00\uD800 pair",
                                       "high at the end \uD83D", "\uD83D\uD83D\uDE00 two highs")) {
            assertThatThrownBy(() -> fixture.engine.appendEvents(remark("network-s", 1, unpaired)))
                    .as(unpaired).hasStackTraceContaining("not well-formed Unicode");
        }

        assertThat(fixture.engine.head()).as("no position was taken").isEqualTo(head);
        fixture.engine.appendEvents(remark("network-s", 1, "after"));
        assertThat(fixture.engine.verifyChain("network-s").intact()).isTrue();
        assertThat(fixture.engine.verifyChain("network-s").eventsChecked()).isEqualTo(2);
    }

    private static GenericDomainEventMessage<Remark> remark(String aggregateId, long sequence, String text) {
        return new GenericDomainEventMessage<>("Test", aggregateId, sequence, new Remark(text));
    }

    private static String read(ObjectMapper json, String payload) {
        try {
            return json.readTree(payload).get("text").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
