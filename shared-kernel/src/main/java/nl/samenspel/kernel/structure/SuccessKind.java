package nl.samenspel.kernel.structure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A success the network achieved. */
public enum SuccessKind {
    @JsonProperty("grant") GRANT,
    @JsonProperty("tender") TENDER,
    @JsonProperty("milestone") MILESTONE,
    @JsonProperty("other") OTHER
}
