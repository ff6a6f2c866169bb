package nl.samenspel.kernel.meeting;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Formal or informal contact. */
public enum MeetingKind {
    @JsonProperty("formal") FORMAL,
    @JsonProperty("informal") INFORMAL
}
