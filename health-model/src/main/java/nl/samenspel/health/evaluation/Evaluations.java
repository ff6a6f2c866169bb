package nl.samenspel.health.evaluation;

import nl.samenspel.health.Fact;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.NetworkState;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.Instrument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Finds the evaluations that count at the end of a month, with the responses that count. */
public final class Evaluations {
    /** Every response so far per evaluation, as part of the network state. */
    public static final NetworkState.Part<Map<UUID, List<Fact<EvaluationResponseRecorded>>>> RESPONSES =
            NetworkState.grouped(EvaluationResponseRecorded.class, EvaluationResponseRecorded::evaluationId);


    /**
     * Anonymous answers are shown only in a group at least this large (domain.md §8): with fewer, the min, max and
     * median of a handful of scores would single out each anonymous respondent.
     */
    public static final int MINIMUM_ANONYMOUS = 3;

    /**
     * One evaluation: its opening and the responses of partners still active at the end of the month.
     *
     * <p>Privacy (domain.md §8): anonymous responses are summarised, and count for who took part
     * ({@link #respondingPartners}), only when at least {@link #MINIMUM_ANONYMOUS} anonymous responses were counted;
     * with fewer they are withheld from every figure ({@link #withheldAnonymous}) but their count. An anonymous response is never named
     * as evidence, so no view and no explanation can lead to it.
     */
    public record Evaluation(Fact<EvaluationOpened> opening, List<Fact<EvaluationResponseRecorded>> responses) {

        public Evaluation {
            responses = List.copyOf(responses);
        }

        public UUID id() {
            return opening.event().evaluationId();
        }

        public LocalDate openedOn() {
            return opening.on();
        }

        /** The counted anonymous responses. */
        public int anonymousCount() {
            // loops, not streams: every month asks this of every item of the latest evaluations
            int anonymous = 0;
            for (Fact<EvaluationResponseRecorded> response : responses) {
                if (isAnonymous(response)) {
                    anonymous++;
                }
            }
            return anonymous;
        }

        /** Anonymous responses left out of the figures because there are too few of them to stay anonymous. */
        public int withheldAnonymous() {
            int anonymous = anonymousCount();
            return anonymous < MINIMUM_ANONYMOUS ? anonymous : 0;
        }

        /** The responses whose scores the figures summarise: the named ones, and the anonymous ones when enough. */
        public List<Fact<EvaluationResponseRecorded>> scored() {
            if (withheldAnonymous() == 0) {
                return responses;
            }
            List<Fact<EvaluationResponseRecorded>> named = new ArrayList<>(responses.size());
            for (Fact<EvaluationResponseRecorded> response : responses) {
                if (!isAnonymous(response)) {
                    named.add(response);
                }
            }
            return List.copyOf(named);
        }

        private static boolean isAnonymous(Fact<EvaluationResponseRecorded> response) {
            return Boolean.TRUE.equals(response.event().anonymous());
        }

        /** The scores given to the item at {@code index} of the instrument, one per scored response that scored it. */
        public ItemScores item(int index, String name) {
            List<Fact<EvaluationResponseRecorded>> scored = scored();
            List<Integer> scores = new ArrayList<>(scored.size());
            for (Fact<EvaluationResponseRecorded> response : scored) {
                List<Integer> given = response.event().scores();
                if (given.size() > index && given.get(index) != null) {
                    scores.add(given.get(index));
                }
            }
            return new ItemScores(name, scores);
        }

        /**
         * The partners that took part: of the responses the figures count ({@link #scored}), so an anonymous answer
         * counts for its partner only where anonymous scores count too; otherwise "3 of 3 partners took part" beside
         * the two named answers listed would tell which partner answered anonymously.
         */
        public Set<UUID> respondingPartners() {
            Set<UUID> partners = new LinkedHashSet<>();
            scored().forEach(r -> partners.add(r.event().respondentPartnerId()));
            return partners;
        }

        /** The opening and every counted named response (anonymous responses are never evidence). */
        public List<String> evidence() {
            List<String> ids = new ArrayList<>();
            ids.add(opening.id());
            responses.stream().filter(r -> !Boolean.TRUE.equals(r.event().anonymous())).forEach(r -> ids.add(r.id()));
            return ids;
        }
    }

    /** The latest evaluation of an instrument with responses, and the one before it (or null): what is compared. */
    public record LatestTwo(Evaluation latest, Evaluation previous) {

        /** Which evaluation the figures come from, how many answered, and which one they are compared with. */
        public Map<String, Object> baseFigures() {
            Map<String, Object> figures = new java.util.LinkedHashMap<>();
            figures.put("evaluationId", latest.id().toString());
            figures.put("openedOn", latest.openedOn().toString());
            figures.put("respondents", latest.scored().size());
            if (latest.anonymousCount() > 0) {
                figures.put("anonymousResponses", latest.anonymousCount());
                figures.put("anonymousWithheld", latest.withheldAnonymous());
            }
            if (previous != null) {
                figures.put("previousEvaluationId", previous.id().toString());
            }
            return figures;
        }

        /** The scores of the item at {@code index} in the previous evaluation, if there is one that scored it. */
        public java.util.Optional<ItemScores> previousItem(int index, String name) {
            return previous == null ? java.util.Optional.empty()
                    : java.util.Optional.of(previous.item(index, name)).filter(scores -> !scores.isEmpty());
        }

        /** Both evaluations' openings and counted responses. */
        public List<String> evidence() {
            List<String> ids = new ArrayList<>(latest.evidence());
            if (previous != null) {
                ids.addAll(previous.evidence());
            }
            return List.copyOf(ids);
        }
    }

    private Evaluations() {
    }

    /** The latest evaluation of an instrument with responses and the one before it; empty without any. */
    public static java.util.Optional<LatestTwo> latestTwo(MonthContext month, Instrument instrument) {
        List<Evaluation> evaluations = withResponses(month, instrument);
        if (evaluations.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new LatestTwo(evaluations.get(evaluations.size() - 1),
                evaluations.size() > 1 ? evaluations.get(evaluations.size() - 2) : null));
    }

    /** Evaluations of an instrument with at least one counted response, oldest opening first. */
    public static List<Evaluation> withResponses(MonthContext month, Instrument instrument) {
        return month.derived("evaluations.withResponses." + instrument,
                             m -> List.copyOf(withResponses(m, opened -> opened.instrument() == instrument)));
    }

    /**
     * Evaluations whose opening matches, with at least one counted response by the end of the month, in the order
     * of their opening (business date, then log order): the last one is "the latest evaluation with responses".
     */
    public static List<Evaluation> withResponses(MonthContext month, Predicate<EvaluationOpened> which) {
        Map<UUID, List<Fact<EvaluationResponseRecorded>>> byEvaluation = month.derived("evaluations.counted", m -> {
            Map<UUID, List<Fact<EvaluationResponseRecorded>>> counted = new HashMap<>();
            m.state(RESPONSES).forEach((evaluation, responses) -> {
                List<Fact<EvaluationResponseRecorded>> byActive = new ArrayList<>(responses.size());
                for (Fact<EvaluationResponseRecorded> response : responses) {
                    if (m.roster().isActive(response.event().respondentPartnerId(), m.end())) {
                        byActive.add(response);
                    }
                }
                if (!byActive.isEmpty()) {
                    counted.put(evaluation, List.copyOf(byActive));
                }
            });
            return counted;
        });
        List<Evaluation> result = new ArrayList<>();
        for (Fact<EvaluationOpened> opening : month.all(EvaluationOpened.class)) {
            List<Fact<EvaluationResponseRecorded>> responses = byEvaluation.get(opening.event().evaluationId());
            if (which.test(opening.event()) && responses != null) {
                result.add(new Evaluation(opening, responses));
            }
        }
        return result;
    }
}
