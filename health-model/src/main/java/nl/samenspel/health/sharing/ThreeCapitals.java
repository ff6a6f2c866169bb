package nl.samenspel.health.sharing;

import nl.samenspel.health.Indicator;
import nl.samenspel.health.IndicatorValue;
import nl.samenspel.health.MonthContext;
import nl.samenspel.health.Status;
import nl.samenspel.kernel.exchange.Capital;
import nl.samenspel.kernel.exchange.ValueQuestion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * H12, the three capitals (drie kapitalen, after Bourdieu): does the network create economic, social and cultural
 * value, and on what do we base that (domain.md §5.7)? Networks that attend to all three create more value; a
 * one-sided focus on financial effect is a warning sign.
 *
 * <p>Figures, over the last {@code capitals.windowMonths} months:
 * <ul>
 *   <li>per capital {@code c} in {@code economic, social, cultural}: {@code c.claims} (evidenced value claims),
 *       {@code c.contributions} (delivered contributions tagged with it, from active partners) and
 *       {@code c.questionMean} (mean of all scores on its network-value questions — E1–E3, S1–S3, C1–C2 — in the
 *       latest network-value evaluation with responses; absent without one);</li>
 *   <li>{@code claims}, {@code coverage} (capitals with at least one claim, 0–3), {@code missingCapitals},
 *       {@code economicShare} (economic claims ÷ all claims; absent without claims);</li>
 *   <li>{@code networkValueEvaluationId} and {@code questionMeans} (per question E1…C2, its mean) when there is a
 *       network-value evaluation.</li>
 * </ul>
 * Status: watch when the value is one-sided (the rule of A15), OK otherwise, NA when there is no claim, no delivered
 * contribution and no network-value evaluation. Evidence: the claims, the contributions and the evaluation's opening
 * and responses.
 */
public final class ThreeCapitals implements Indicator {
    public static final String ID = "H12";
    public static final String NAME = "Three capitals (drie kapitalen)";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public IndicatorValue evaluate(MonthContext month) {
        CapitalProfile profile = CapitalProfile.of(month);
        if (profile.isEmpty()) {
            return IndicatorValue.notApplicable(ID, NAME);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        List<String> evidence = new ArrayList<>();
        for (Capital capital : Capital.values()) {
            String key = Labels.of(capital);
            figures.put(key + ".claims", profile.claims(capital).size());
            figures.put(key + ".contributions", profile.contributions(capital).size());
            profile.questionMean(capital).ifPresent(mean -> figures.put(key + ".questionMean", mean));
            profile.claims(capital).forEach(c -> evidence.add(c.id()));
            profile.contributions(capital).forEach(c -> evidence.addAll(c.evidence()));
        }
        figures.put("claims", profile.claimCount());
        figures.put("coverage", profile.coverage());
        figures.put("missingCapitals", profile.missing().stream().map(Labels::of).toList());
        profile.economicShare().ifPresent(share -> figures.put("economicShare", share));
        profile.networkValue().ifPresent(evaluation -> {
            figures.put("networkValueEvaluationId", evaluation.id().toString());
            Map<String, Object> means = new LinkedHashMap<>();
            for (ValueQuestion q : ValueQuestion.values()) {
                profile.question(q).ifPresent(scores -> means.put(q.name(), scores.mean()));
            }
            figures.put("questionMeans", Collections.unmodifiableMap(means));
            evidence.addAll(evaluation.evidence());
        });
        Status status = profile.oneSided(month) ? Status.WATCH : Status.OK;
        return new IndicatorValue(ID, NAME, status, Collections.unmodifiableMap(figures), List.copyOf(evidence));
    }
}
