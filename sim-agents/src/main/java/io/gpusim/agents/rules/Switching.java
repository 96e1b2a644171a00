package io.gpusim.agents.rules;

/**
 * How a buyer splits purchases among the products it can buy, by cost per unit of effective performance: a
 * multinomial logit in the log of cost, each product weighted by {@code cost^(-beta)}.
 */
public final class Switching {
    private Switching() {}

    /**
     * Share of purchases to the domestic product, a logit in the log ratio of cost per unit of effective
     * performance: {@code 1 / (1 + exp(-beta * ln(costVendor / costDomestic)))}.
     */
    public static double domesticShare(double costPerPerfVendor, double costPerPerfDomestic, double beta) {
        return Curves.logistic(beta * Math.log(costPerPerfVendor / costPerPerfDomestic));
    }

    /**
     * Share of purchases to the domestic product when the foreign products marked open are also on offer:
     * {@code 1 / (1 + sum over open f of exp(-beta * ln(cost_f / cost_d)))} (with one foreign product, exactly
     * {@link #domesticShare(double, double, double)}).
     */
    public static double domesticShare(double costDomestic, double[] foreignCosts, boolean[] open, double beta) {
        double others = 0;
        for (int f = 0; f < foreignCosts.length; f++) {
            if (open[f]) {
                others += Math.exp(-beta * Math.log(foreignCosts[f] / costDomestic));
            }
        }
        return 1.0 / (1.0 + others);
    }

    /**
     * Splits the foreign part of purchases among the open foreign products in proportion to
     * {@code (cost_f / cost_min)^(-beta)}; writes each product's share of all purchases into {@code shares} (0 for
     * closed products). With one open product it gets the whole foreign part.
     */
    public static void foreignShares(
            double foreignPart, double[] foreignCosts, boolean[] open, double beta, double[] shares) {
        double cheapest = Double.POSITIVE_INFINITY;
        int openCount = 0;
        int last = -1;
        for (int f = 0; f < foreignCosts.length; f++) {
            if (open[f]) {
                cheapest = Math.min(cheapest, foreignCosts[f]);
                openCount++;
                last = f;
            }
        }
        if (openCount <= 1) {
            // One open product takes the whole foreign part (the formula gives exactly that, at the cost of a
            // logarithm and an exponential on every buyer's step).
            for (int f = 0; f < foreignCosts.length; f++) {
                shares[f] = f == last ? foreignPart : 0.0;
            }
            return;
        }
        double total = 0;
        for (int f = 0; f < foreignCosts.length; f++) {
            shares[f] = open[f] ? Math.exp(-beta * Math.log(foreignCosts[f] / cheapest)) : 0.0;
            total += shares[f];
        }
        for (int f = 0; f < foreignCosts.length; f++) {
            shares[f] = total > 0 ? foreignPart * (shares[f] / total) : 0.0;
        }
    }
}
