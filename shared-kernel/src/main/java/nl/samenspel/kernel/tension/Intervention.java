package nl.samenspel.kernel.tension;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What was done to de-escalate a conflict. */
public enum Intervention {
    @JsonProperty("conversation") CONVERSATION,
    @JsonProperty("facilitated-session") FACILITATED_SESSION,
    @JsonProperty("mediation") MEDIATION,
    @JsonProperty("board-escalation") BOARD_ESCALATION,
    @JsonProperty("other") OTHER
}
