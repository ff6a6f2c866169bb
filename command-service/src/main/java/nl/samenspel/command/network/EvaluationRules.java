package nl.samenspel.command.network;

import nl.samenspel.kernel.evaluation.EvaluationClosed;
import nl.samenspel.kernel.evaluation.EvaluationOpened;
import nl.samenspel.kernel.evaluation.EvaluationResponseRecorded;
import nl.samenspel.kernel.evaluation.ImprovementActionAgreed;
import nl.samenspel.kernel.evaluation.ImprovementActionCompleted;
import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.network.NetworkEvent;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of the evaluation group: responses go to an open evaluation with one score per item of its instrument on
 * its scale, and improvement actions are agreed with an active owner and completed once.
 */
final class EvaluationRules extends GroupRules {
    private static final Map<Instrument, int[]> SCALES = Map.of(
            Instrument.FIVE_CONDITIONS, new int[]{5, 1, 5},
            Instrument.LEARNING_CLIMATE, new int[]{4, 1, 10},
            Instrument.NETWORK_VALUE, new int[]{8, 1, 5});

    EvaluationRules(NetworkState state, String prefix) {
        super(state, prefix);
    }

    @Override
    void check(NetworkEvent entry) {
        LocalDate on = entry.occurredOn();
        if (entry instanceof EvaluationOpened e) {
            each(() -> fresh("evaluationId", state.evaluations.containsKey(e.evaluationId())),
                 () -> {
                     if (e.subCoalitionId() != null && !state.activeCoalitions.containsKey(e.subCoalitionId())) {
                         throw notFound("subCoalitionId", "no sub-coalition with this id in this network");
                     }
                 });
        } else if (entry instanceof EvaluationResponseRecorded e) {
            NetworkState.EvaluationFacts evaluation = openEvaluation(e.evaluationId());
            int[] scale = SCALES.get(evaluation.instrument());
            each(() -> notBeforeStart(on, e.evaluationId(), "the evaluation was opened"),
                 () -> active("respondentPartnerId", e.respondentPartnerId(), on),
                 () -> {
                     if (e.scores().size() != scale[0]) {
                         throw invalid("scores", "needs " + scale[0] + " scores for this instrument, got "
                                 + e.scores().size());
                     }
                     eachOf(e.scores().size(), i -> {
                         int score = e.scores().get(i);
                         if (score < scale[1] || score > scale[2]) {
                             throw invalid("scores[" + i + "]", "must be between " + scale[1] + " and " + scale[2]);
                         }
                     });
                 });
        } else if (entry instanceof EvaluationClosed e) {
            openEvaluation(e.evaluationId());
            notBeforeStart(on, e.evaluationId(), "the evaluation was opened");
        } else if (entry instanceof ImprovementActionAgreed e) {
            each(() -> fresh("actionId", state.improvementActions.containsKey(e.actionId())),
                 () -> dueAfter(e.dueOn(), on),
                 () -> {
                     if (e.evaluationId() != null && !state.evaluations.containsKey(e.evaluationId())) {
                         throw notFound("evaluationId", "no evaluation with this id in this network");
                     }
                     if (e.evaluationId() != null) {
                         notBeforeStart(on, e.evaluationId(), "the evaluation was opened");
                     }
                 },
                 () -> active("ownerPartnerId", e.ownerPartnerId(), on));
        } else if (entry instanceof ImprovementActionCompleted e) {
            Boolean done = state.improvementActions.get(e.actionId());
            if (done == null) {
                throw notFound("actionId", "no improvement action with this id in this network");
            }
            each(() -> {
                     if (done) {
                         throw conflict("actionId", "this improvement action was already completed");
                     }
                 },
                 () -> notBeforeStart(on, e.actionId(), "the improvement action was agreed"));
        }
    }

    private NetworkState.EvaluationFacts openEvaluation(UUID evaluationId) {
        NetworkState.EvaluationFacts evaluation = state.evaluations.get(evaluationId);
        if (evaluation == null) {
            throw notFound("evaluationId", "no evaluation with this id in this network");
        }
        if (!evaluation.open()) {
            throw conflict("evaluationId", "this evaluation is closed");
        }
        return evaluation;
    }
}
