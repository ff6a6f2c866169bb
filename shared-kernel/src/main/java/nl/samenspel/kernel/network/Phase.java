package nl.samenspel.kernel.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The phase a network is in; steps back are allowed. */
public enum Phase {
    @JsonProperty("initiative") INITIATIVE,
    @JsonProperty("exploration") EXPLORATION,
    @JsonProperty("agreement") AGREEMENT,
    @JsonProperty("set-up") SET_UP,
    @JsonProperty("execution") EXECUTION,
    @JsonProperty("dip") DIP,
    @JsonProperty("restart") RESTART,
    @JsonProperty("reassessment") REASSESSMENT,
    @JsonProperty("winding-down") WINDING_DOWN
}
