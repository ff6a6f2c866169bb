package nl.samenspel.kernel.ambition;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A partner's stance on the current ambition. */
public enum Stance {
    @JsonProperty("endorses") ENDORSES,
    @JsonProperty("doubts") DOUBTS,
    @JsonProperty("rejects") REJECTS
}
