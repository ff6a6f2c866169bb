package nl.samenspel.kernel.exchange;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a partner experiences the balance of give and take. */
public enum BalanceRating {
    @JsonProperty("balanced") BALANCED,
    @JsonProperty("skewed-acceptable") SKEWED_ACCEPTABLE,
    @JsonProperty("unfair") UNFAIR
}
