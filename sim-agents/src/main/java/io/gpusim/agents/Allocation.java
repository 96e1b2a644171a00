package io.gpusim.agents;

import io.gpusim.core.market.Ledger;
import io.gpusim.core.market.Order;
import io.gpusim.core.scenario.AllocationRule;
import java.util.List;

/** How a seller divides scarce finished goods among open orders. Shared by the vendor and the domestic maker. */
public final class Allocation {
    private Allocation() {
    }

    /**
     * Divides {@code available} units among buyers in proportion to their outstanding units, by largest remainders
     * (ties to the lower buyer index), never giving a buyer more than it is owed. When supply covers every order,
     * each buyer gets all it is owed.
     *
     * @return units per buyer; their sum is {@code min(available, sum(outstanding))}
     */
    public static long[] proportional(long available, long[] outstanding) {
        long total = 0;
        for (long o : outstanding) {
            total += o;
        }
        long[] share = new long[outstanding.length];
        if (total <= available) {
            System.arraycopy(outstanding, 0, share, 0, outstanding.length);
            return share;
        }
        double[] remainder = new double[outstanding.length];
        long given = 0;
        for (int b = 0; b < outstanding.length; b++) {
            double exact = (double) available * outstanding[b] / total;
            share[b] = Math.min(outstanding[b], (long) Math.floor(exact));
            remainder[b] = exact - share[b];
            given += share[b];
        }
        while (given < available) {
            int best = -1;
            for (int b = 0; b < outstanding.length; b++) {
                if (share[b] < outstanding[b] && (best < 0 || remainder[b] > remainder[best])) {
                    best = b;
                }
            }
            if (best < 0) {
                break;
            }
            share[best]++;
            remainder[best] = -1;
            given++;
        }
        return share;
    }

    /**
     * Ships up to the seller's finished goods (shipping changes orders, not the open-order list, so the list can be
     * walked directly) of {@code product} to its open orders under the rule: within a buyer,
     * oldest order first. Returns the units shipped.
     */
    public static long shipOpenOrders(Ledger ledger, int product, AllocationRule rule, int arrivalStep) {
        long available = ledger.finishedGoods(product);
        List<Order> open = ledger.openOrders(product);
        if (available <= 0 || open.isEmpty()) {
            return 0;
        }
        long shipped = 0;
        if (rule == AllocationRule.FIFO) {
            for (Order o : open) {
                long units = Math.min(o.remaining(), available - shipped);
                ledger.ship(o, units, arrivalStep);
                shipped += units;
                if (shipped == available) {
                    break;
                }
            }
            return shipped;
        }
        long[] outstanding = new long[ledger.buyers()];
        for (Order o : open) {
            outstanding[o.buyer()] += o.remaining();
        }
        long[] share = proportional(available, outstanding);
        for (Order o : open) {
            long units = Math.min(o.remaining(), share[o.buyer()]);
            if (units > 0) {
                ledger.ship(o, units, arrivalStep);
                share[o.buyer()] -= units;
                shipped += units;
            }
        }
        return shipped;
    }
}
