package nl.samenspel.kernel.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How deeply a partner takes part: core partners carry the network, associates follow it. */
public enum ParticipationLevel {
    @JsonProperty("core") CORE,
    @JsonProperty("participant") PARTICIPANT,
    @JsonProperty("associate") ASSOCIATE
}
