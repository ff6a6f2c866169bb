package nl.samenspel.kernel.ambition;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether an interest was on the table from the start or surfaced late. */
public enum Disclosure {
    @JsonProperty("open") OPEN,
    @JsonProperty("surfaced-late") SURFACED_LATE
}
