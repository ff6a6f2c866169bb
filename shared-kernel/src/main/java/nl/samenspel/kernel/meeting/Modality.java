package nl.samenspel.kernel.meeting;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a meeting took place. */
public enum Modality {
    @JsonProperty("in-person") IN_PERSON,
    @JsonProperty("online") ONLINE,
    @JsonProperty("hybrid") HYBRID
}
