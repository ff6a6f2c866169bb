package nl.samenspel.kernel.tension;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Signals that tension is rising. */
public enum Signal {
    @JsonProperty("recurring-issue") RECURRING_ISSUE,
    @JsonProperty("guardedness") GUARDEDNESS,
    @JsonProperty("uneasy-feeling") UNEASY_FEELING,
    @JsonProperty("avoided-topics") AVOIDED_TOPICS,
    @JsonProperty("incomplete-information") INCOMPLETE_INFORMATION,
    @JsonProperty("goal-dispute") GOAL_DISPUTE,
    @JsonProperty("language-confusion") LANGUAGE_CONFUSION,
    @JsonProperty("defensiveness") DEFENSIVENESS,
    @JsonProperty("cancellations") CANCELLATIONS,
    @JsonProperty("rising-emotions") RISING_EMOTIONS,
    @JsonProperty("positional-talk") POSITIONAL_TALK,
    @JsonProperty("disengagement") DISENGAGEMENT
}
