package nl.samenspel.kernel.agreement;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The theme of a rule agreement; the first five are the foundation themes. */
public enum RuleTheme {
    @JsonProperty("participation") PARTICIPATION,
    @JsonProperty("financing") FINANCING,
    @JsonProperty("information-sharing") INFORMATION_SHARING,
    @JsonProperty("learning") LEARNING,
    @JsonProperty("effect-monitoring") EFFECT_MONITORING,
    @JsonProperty("staff-changes") STAFF_CHANGES,
    @JsonProperty("decision-making") DECISION_MAKING
}
