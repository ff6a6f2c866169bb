package nl.samenspel.kernel.people;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Roles people hold for the network as a whole. */
public enum LeadRole {
    @JsonProperty("chair") CHAIR,
    @JsonProperty("coordinator") COORDINATOR,
    @JsonProperty("process-director") PROCESS_DIRECTOR,
    @JsonProperty("sub-coalition-lead") SUB_COALITION_LEAD,
    @JsonProperty("linking-pin") LINKING_PIN,
    @JsonProperty("other") OTHER
}
