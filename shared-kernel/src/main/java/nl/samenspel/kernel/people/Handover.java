package nl.samenspel.kernel.people;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How well a departing representative handed over their work. */
public enum Handover {
    @JsonProperty("done") DONE,
    @JsonProperty("partial") PARTIAL,
    @JsonProperty("none") NONE
}
