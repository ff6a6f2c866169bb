package nl.samenspel.kernel.network;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a partner takes part: for what it gains, because it cares, or because it feels it ought to. */
public enum Motive {
    @JsonProperty("instrumental") INSTRUMENTAL,
    @JsonProperty("affective") AFFECTIVE,
    @JsonProperty("moral") MORAL
}
