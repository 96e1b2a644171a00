package io.gpusim.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One row of a batch summary: a metric of a scenario (and design point) over {@code n} replications, with the
 * mean's 95% t confidence interval and quantiles.
 */
@JsonPropertyOrder({
    "scenario",
    "point",
    "metric",
    "n",
    "mean",
    "sd",
    "ci_low",
    "ci_high",
    "p05",
    "p25",
    "p50",
    "p75",
    "p95",
    "min",
    "max"
})
public record SummaryRow(
        String scenario,
        String point,
        String metric,
        long n,
        double mean,
        double sd,
        @JsonProperty("ci_low") double ciLow,
        @JsonProperty("ci_high") double ciHigh,
        double p05,
        double p25,
        double p50,
        double p75,
        double p95,
        double min,
        double max) {}
