package io.gpusim.core.market;

import java.util.List;

/**
 * What the export-control authority may do: read the products and last step's orders, publish news (control rounds,
 * leaks, announcements), and put controls on a product in force or lift them. A ban happens only here: it marks the
 * product banned, publishes {@code BAN_EFFECTIVE} and tells the ban listener, in that order.
 */
public final class RegulatorView {
    private final Ledger ledger;
    private final MarketStatus status;
    private final EventLog events;
    private final Exchange.BanListener bans;
    private final List<Product> products;

    RegulatorView(
            Ledger ledger, MarketStatus status, EventLog events, Exchange.BanListener bans, List<Product> products) {
        this.ledger = ledger;
        this.status = status;
        this.events = events;
        this.bans = bans;
        this.products = products;
    }

    public List<Product> products() {
        return products;
    }

    /** Units of a product ordered during the previous step. */
    public long orderedLastStep(int product) {
        return ledger.orderedLastStep(product);
    }

    /** Publishes public news (a control round, a leak, an announcement). */
    public void publish(MarketEvent event) {
        if (event.kind() == EventKind.BAN_EFFECTIVE
                || event.kind() == EventKind.REVERSAL
                || event.kind() == EventKind.LAUNCH) {
            throw new IllegalArgumentException(event.kind() + " is published by the action itself");
        }
        events.publish(event);
    }

    /** Controls on a product take effect today: it may no longer ship. */
    public void enactBan(int product, int day, String label) {
        status.setBanned(product, true);
        events.publish(new MarketEvent(day, EventKind.BAN_EFFECTIVE, product, label));
        bans.banTakesEffect(product, day);
    }

    /**
     * Licences for a product start being granted today under {@code terms} (it may be exported even where a ban
     * stands); published as {@code LICENCE}.
     */
    public void grantLicences(int product, LicenceTerms terms, int day, String label) {
        status.setLicence(product, terms);
        events.publish(new MarketEvent(day, EventKind.LICENCE, product, label));
    }

    /** The terms of a product's licences change (a cap that follows another market's volume). */
    public void updateLicences(int product, LicenceTerms terms) {
        if (status.licence(product) == null) {
            throw new IllegalStateException("no licences are granted for product " + product);
        }
        status.setLicence(product, terms);
    }

    /** Licences for a product are no longer granted. */
    public void endLicences(int product) {
        status.setLicence(product, null);
    }

    /** Controls on a product are lifted today. */
    public void liftBan(int product, int day, String label) {
        status.setBanned(product, false);
        events.publish(new MarketEvent(day, EventKind.REVERSAL, product, label));
    }
}
