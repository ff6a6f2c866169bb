package nl.samenspel.health.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

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
        // plain arrays and loops: every month summarises every item of the latest evaluations
        int[] sorted = new int[scores.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = scores.get(i);
        }
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            throw new NoSuchElementException("No scores for " + item);
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    public double mean() {
        return scores.stream().mapToInt(Integer::intValue).average().orElseThrow();
    }

    public int min() {
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < scores.size(); i++) {
            min = Math.min(min, scores.get(i));
        }
        return nonEmpty(min);
    }

    public int max() {
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < scores.size(); i++) {
            max = Math.max(max, scores.get(i));
        }
        return nonEmpty(max);
    }

    private int nonEmpty(int value) {
        if (scores.isEmpty()) {
            throw new NoSuchElementException("No scores for " + item);
        }
        return value;
    }

    /** How far apart respondents are (max − min): partners seeing the same collaboration differently. */
    public int spread() {
        return max() - min();
    }
}
