package nl.samenspel.kernel.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The three capitals (Bourdieu) in which a network creates value. */
public enum Capital {
    @JsonProperty("economic") ECONOMIC,
    @JsonProperty("social") SOCIAL,
    @JsonProperty("cultural") CULTURAL
}
