package nl.samenspel.kernel.structure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What changed in the network's context. */
public enum ContextKind {
    @JsonProperty("funding") FUNDING,
    @JsonProperty("political") POLITICAL,
    @JsonProperty("regulatory") REGULATORY,
    @JsonProperty("capacity") CAPACITY,
    @JsonProperty("reorganisation") REORGANISATION,
    @JsonProperty("market") MARKET,
    @JsonProperty("other") OTHER
}
