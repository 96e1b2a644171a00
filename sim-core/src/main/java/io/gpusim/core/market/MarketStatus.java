package io.gpusim.core.market;

import java.util.Arrays;

/**
 * What every agent can see about each product right now: whether it may be shipped to the market (export
 * controls), whether it has been launched, its current price, and its seller's delivery quote. Read by anyone;
 * changed only through the views of the {@link Exchange}: a product's seller launches it, prices it and quotes it,
 * and only the regulator's view bans it, on the path that also publishes the ban and records it.
 */
public final class MarketStatus {
    private final boolean[] banned;
    private final boolean[] launched;
    private final double[] priceUsd;
    private final SupplyQuote[] quotes;
    /** The licence regime in force for each product, or null. */
    private final LicenceTerms[] licences;
    /** Share of demand the importing country lets buy each product: 1 open, 0 blocked, between: exempt share. */
    private final double[] importShare;
    /** Shadow cost per unit buyers add to each product, as a share of its price (purchase discouragement). */
    private final double[] shadowCostShare;
    /** Domestic units a buyer must buy for each foreign unit. */
    private double matchRatio;
    /** Share of each buyer's demand that must go to domestic parts. */
    private final double[] mandateShare;

    MarketStatus(double[] listPricesUsd, int buyers) {
        int n = listPricesUsd.length;
        banned = new boolean[n];
        launched = new boolean[n];
        priceUsd = listPricesUsd.clone();
        quotes = new SupplyQuote[n];
        licences = new LicenceTerms[n];
        importShare = new double[n];
        Arrays.fill(importShare, 1.0);
        shadowCostShare = new double[n];
        mandateShare = new double[buyers];
        Arrays.fill(quotes, (SupplyQuote) units -> Integer.MAX_VALUE);
    }

    public boolean banned(int product) {
        return banned[product];
    }

    void setBanned(int product, boolean value) {
        banned[product] = value;
    }

    public boolean launched(int product) {
        return launched[product];
    }

    void setLaunched(int product, boolean value) {
        launched[product] = value;
    }

    /** Launched, and not banned or exportable under licence: orders can be placed and filled. */
    public boolean available(int product) {
        return launched[product] && (!banned[product] || licences[product] != null);
    }

    /** The licence regime in force for a product, or null. */
    public LicenceTerms licence(int product) {
        return licences[product];
    }

    void setLicence(int product, LicenceTerms terms) {
        licences[product] = terms;
    }

    /** Share of demand the importing country lets buy a product (1 when open, 0 when blocked outright). */
    public double importShare(int product) {
        return importShare[product];
    }

    void setImportShare(int product, double share) {
        importShare[product] = share;
    }

    /** Shadow cost per unit buyers add to a product, as a share of its price. */
    public double shadowCostShare(int product) {
        return shadowCostShare[product];
    }

    void setShadowCostShare(int product, double share) {
        shadowCostShare[product] = share;
    }

    /** Domestic units a buyer must buy for each foreign unit. */
    public double matchRatio() {
        return matchRatio;
    }

    void setMatchRatio(double ratio) {
        matchRatio = ratio;
    }

    /** Share of a buyer's demand that must go to domestic parts. */
    public double mandateShare(int buyer) {
        return mandateShare[buyer];
    }

    void setMandateShare(int buyer, double share) {
        mandateShare[buyer] = share;
    }

    public double priceUsd(int product) {
        return priceUsd[product];
    }

    void setPriceUsd(int product, double value) {
        priceUsd[product] = value;
    }

    public SupplyQuote quote(int product) {
        return quotes[product];
    }

    void setQuote(int product, SupplyQuote quote) {
        quotes[product] = quote;
    }
}
