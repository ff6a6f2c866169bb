package nl.samenspel.health.evaluation;

import java.util.List;

/**
 * The scores that the respondents of one evaluation gave to one item of its instrument (a condition, a capacity or a
 * network-value question), with the summaries the health views need.
 */
public record ItemScores(String item, List<Integer> scores) {

    public ItemScores {
        scores = List.copyOf(scores);
    }

    public boolean isEmpty() {
        return scores.isEmpty();
    }

    public int n() {
        return scores.size();
    }

    /** The middle score; with an even number of scores the mean of the two middle ones. */
    public double median() {
        List<Integer> sorted = scores.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    public double mean() {
        return scores.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    public int min() {
        return scores.stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    public int max() {
        return scores.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** How far apart respondents are (max − min): partners seeing the same collaboration differently. */
    public int spread() {
        return max() - min();
    }
}
