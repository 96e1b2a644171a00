package io.gpusim.agents.rules;

/** How a buyer splits purchases between the vendor product and the domestic one. */
public final class Switching {
    private Switching() {}

    /**
     * Share of purchases to the domestic product, a logit in the log ratio of cost per unit of effective
     * performance: {@code 1 / (1 + exp(-beta * ln(costVendor / costDomestic)))}.
     */
    public static double domesticShare(double costPerPerfVendor, double costPerPerfDomestic, double beta) {
        return Curves.logistic(beta * Math.log(costPerPerfVendor / costPerPerfDomestic));
    }
}
