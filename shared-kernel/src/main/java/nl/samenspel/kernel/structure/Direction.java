package nl.samenspel.kernel.structure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a context change helps or hurts. */
public enum Direction {
    @JsonProperty("positive") POSITIVE,
    @JsonProperty("negative") NEGATIVE
}
