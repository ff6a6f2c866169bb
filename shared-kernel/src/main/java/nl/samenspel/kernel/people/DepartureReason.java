package nl.samenspel.kernel.people;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a representative left. */
public enum DepartureReason {
    @JsonProperty("left-organisation") LEFT_ORGANISATION,
    @JsonProperty("new-role") NEW_ROLE,
    @JsonProperty("reorganisation") REORGANISATION,
    @JsonProperty("other") OTHER
}
