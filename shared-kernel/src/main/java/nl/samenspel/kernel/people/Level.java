package nl.samenspel.kernel.people;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The three levels of the figure eight (achtje) on which partners work together. */
public enum Level {
    @JsonProperty("board") BOARD,
    @JsonProperty("management") MANAGEMENT,
    @JsonProperty("professional") PROFESSIONAL
}
