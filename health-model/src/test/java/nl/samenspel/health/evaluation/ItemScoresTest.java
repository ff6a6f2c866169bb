package nl.samenspel.health.evaluation;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemScoresTest {

    @Test
    void summarisesScoresGivenInAnyOrder() {
        ItemScores odd = new ItemScores("trust", List.of(4, 1, 5, 2, 3));
        assertThat(odd.median()).isEqualTo(3.0);
        assertThat(odd.min()).isEqualTo(1);
        assertThat(odd.max()).isEqualTo(5);
        assertThat(odd.spread()).isEqualTo(4);

        ItemScores even = new ItemScores("trust", List.of(5, 1, 4, 2));
        assertThat(even.median()).isEqualTo(3.0);
        assertThat(new ItemScores("trust", List.of(2, 5)).median()).isEqualTo(3.5);
        assertThat(new ItemScores("trust", List.of(3)).spread()).isZero();
    }

    @Test
    void agreesWithSortingTheScoresForRandomGroups() {
        Random random = new Random(7);
        for (int round = 0; round < 500; round++) {
            List<Integer> scores = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(12); i < n; i++) {
                scores.add(1 + random.nextInt(5));
            }
            List<Integer> sorted = scores.stream().sorted().toList();
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
            ItemScores item = new ItemScores("learning", scores);
            assertThat(item.median()).as("median of %s", scores).isEqualTo(median);
            assertThat(item.min()).as("min of %s", scores).isEqualTo(sorted.get(0));
            assertThat(item.max()).as("max of %s", scores).isEqualTo(sorted.get(n - 1));
        }
    }

    @Test
    void anEmptyItemHasNoSummary() {
        ItemScores empty = new ItemScores("trust", List.of());
        assertThat(empty.isEmpty()).isTrue();
        assertThatThrownBy(empty::median).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(empty::min).isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(empty::max).isInstanceOf(NoSuchElementException.class);
    }
}
