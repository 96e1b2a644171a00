package io.gpusim.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A paired comparison of one metric between variants A and B over replications with the same seeds: the means over
 * the pairs where both have a value, the mean paired difference B - A with its 95% t interval, and the share of
 * pairs in which B is strictly greater.
 */
@JsonPropertyOrder({"metric", "mean_a", "mean_b", "diff_mean", "diff_ci_low", "diff_ci_high", "p_b_gt_a", "n"})
public record CompareRow(
        String metric,
        long n,
        @JsonProperty("mean_a") Double meanA,
        @JsonProperty("mean_b") Double meanB,
        @JsonProperty("diff_mean") Double diffMean,
        @JsonProperty("diff_ci_low") Double diffCiLow,
        @JsonProperty("diff_ci_high") Double diffCiHigh,
        @JsonProperty("p_b_gt_a") Double pBGreaterThanA) {}
