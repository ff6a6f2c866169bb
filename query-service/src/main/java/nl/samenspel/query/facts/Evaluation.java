package nl.samenspel.query.facts;

import nl.samenspel.kernel.evaluation.Instrument;
import nl.samenspel.kernel.people.Level;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An evaluation with one of the instruments and its responses. Anonymous answers are kept apart, without respondent,
 * level, date or event id, from the moment they are folded, so that no read model can give them away; whether they
 * may be shown one by one is decided when they are read ({@link FactsView}).
 */
public record Evaluation(UUID evaluationId, Instrument instrument, String title, boolean joint, UUID subCoalitionId,
                         LocalDate openedOn, LocalDate closedOn, List<Response> responses,
                         List<AnonymousAnswer> anonymousAnswers, String eventId) {

    /** A response under the respondent's name: partner and level. */
    public record Response(UUID partnerId, Level level, List<Integer> scores, String comment, LocalDate occurredOn,
                           String eventId) {
        public Response {
            scores = Lists.copy(scores);
        }
    }

    /** An anonymous response: only what was answered. */
    public record AnonymousAnswer(List<Integer> scores, String comment) {
        public AnonymousAnswer {
            scores = Lists.copy(scores);
        }
    }

    public Evaluation {
        responses = Lists.copy(responses);
        anonymousAnswers = Lists.copy(anonymousAnswers);
    }

    public boolean open() {
        return closedOn == null;
    }

    Evaluation withResponse(Response response) {
        List<Response> all = new ArrayList<>(responses);
        all.add(response);
        return new Evaluation(evaluationId, instrument, title, joint, subCoalitionId, openedOn, closedOn, all,
                              anonymousAnswers, eventId);
    }

    Evaluation withAnonymousAnswer(AnonymousAnswer answer) {
        List<AnonymousAnswer> all = new ArrayList<>(anonymousAnswers);
        all.add(answer);
        return new Evaluation(evaluationId, instrument, title, joint, subCoalitionId, openedOn, closedOn, responses,
                              all, eventId);
    }

    Evaluation closed(LocalDate on) {
        return new Evaluation(evaluationId, instrument, title, joint, subCoalitionId, openedOn, on, responses,
                              anonymousAnswers, eventId);
    }
}
