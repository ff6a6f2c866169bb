package nl.samenspel.health;

import nl.samenspel.kernel.structure.SuccessAchieved;
import nl.samenspel.kernel.structure.SuccessKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FactIdsTest {
    private static final UUID NETWORK = UUID.randomUUID();

    private static List<Fact<SuccessAchieved>> successes(int count) {
        List<Fact<SuccessAchieved>> facts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SuccessAchieved success = new SuccessAchieved(NETWORK, SuccessKind.GRANT, "grant " + i,
                                                          LocalDate.of(2024, 1, 1).plusDays(i), null, null);
            facts.add(new Fact<>(new LoggedEntry("event-" + i, i, Instant.EPOCH, success), success));
        }
        return List.copyOf(facts);
    }

    @Test
    void areTheFactsIdsInTheirOrderAndEqualToACopyOfThem() {
        List<Fact<SuccessAchieved>> facts = successes(5).subList(1, 4);
        List<String> copied = facts.stream().map(Fact::id).toList();

        List<String> ids = Fact.ids(facts);

        assertThat(ids).containsExactly("event-1", "event-2", "event-3");
        assertThat(ids).isEqualTo(copied);
        assertThat(copied).isEqualTo(ids);
        assertThat(ids.hashCode()).isEqualTo(copied.hashCode());
        assertThat(new Alert("A16", "t", Severity.WARNING, "d", ids, "r"))
                .isEqualTo(new Alert("A16", "t", Severity.WARNING, "d", copied, "r"));
    }

    @Test
    void cannotBeChanged() {
        List<String> ids = Fact.ids(successes(2));
        assertThatThrownBy(() -> ids.add("another")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ids.set(0, "another")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ids.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(Fact.ids(List.of())).isEmpty();
    }
}
