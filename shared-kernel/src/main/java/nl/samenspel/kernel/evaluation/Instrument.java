package nl.samenspel.kernel.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The evaluation instruments and their scales. */
public enum Instrument {
    @JsonProperty("five-conditions") FIVE_CONDITIONS,
    @JsonProperty("learning-climate") LEARNING_CLIMATE,
    @JsonProperty("network-value") NETWORK_VALUE
}
