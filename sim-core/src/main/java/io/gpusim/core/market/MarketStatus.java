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

    MarketStatus(double[] listPricesUsd) {
        int n = listPricesUsd.length;
        banned = new boolean[n];
        launched = new boolean[n];
        priceUsd = listPricesUsd.clone();
        quotes = new SupplyQuote[n];
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

    /** Launched and not banned: orders can be placed and filled. */
    public boolean available(int product) {
        return launched[product] && !banned[product];
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
