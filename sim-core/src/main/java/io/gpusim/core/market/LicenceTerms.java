package io.gpusim.core.market;

/**
 * The conditions a foreign product is exported under while licences are granted: the share of revenue the vendor
 * pays the exporting government and the share of that fee passed into the price, the days from an order to its
 * licence decision and the chance of a denial, the most units shipped per step (+infinity when uncapped), and the
 * buyers vetted out.
 */
public record LicenceTerms(
        double feeShare,
        double feePassThrough,
        int approvalDays,
        double denialProbability,
        double capUnitsPerStep,
        boolean[] excluded) {

    /** Whether a buyer may buy under these licences. */
    public boolean admits(int buyer) {
        return !excluded[buyer];
    }
}
