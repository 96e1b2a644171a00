package io.gpusim.agents.rules;

import io.gpusim.core.market.Arrival;
import io.gpusim.core.market.SellerView;
import io.gpusim.core.scenario.AllocationRule;

/** How a seller divides scarce finished goods among open orders. Shared by the vendor and the domestic maker. */
public final class Allocation {
    private Allocation() {}

    /**
     * Divides {@code available} units among buyers in proportion to their outstanding units, by largest remainders
     * (ties to the lower buyer index), never giving a buyer more than it is owed. When supply covers every order,
     * each buyer gets all it is owed.
     *
     * @return units per buyer; their sum is {@code min(available, sum(outstanding))}
     */
    public static long[] proportional(long available, long[] outstanding) {
        long[] share = new long[outstanding.length];
        proportional(available, outstanding, share, new double[outstanding.length]);
        return share;
    }

    /** {@link #proportional(long, long[])} into {@code share}, with {@code remainder} as scratch space. */
    public static void proportional(long available, long[] outstanding, long[] share, double[] remainder) {
        long total = 0;
        for (long o : outstanding) {
            total += o;
        }
        if (total <= available) {
            System.arraycopy(outstanding, 0, share, 0, outstanding.length);
            return;
        }
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
    }

    /**
     * Ships up to the seller's finished goods of {@code product} to its open orders under the rule; within a buyer,
     * oldest order first. Returns the units shipped.
     */
    public static long shipOpenOrders(SellerView seller, int product, AllocationRule rule, Arrival arrival) {
        int n = seller.buyers();
        return shipOpenOrders(
                seller,
                product,
                rule,
                arrival,
                Long.MAX_VALUE,
                Integer.MAX_VALUE,
                new long[n],
                new long[n],
                new double[n]);
    }

    /**
     * As {@link #shipOpenOrders(SellerView, int, AllocationRule, Arrival)}, shipping at most {@code limit} units and,
     * under licences, only orders approved by {@code day}, with scratch arrays of one slot per buyer.
     */
    public static long shipOpenOrders(
            SellerView seller,
            int product,
            AllocationRule rule,
            Arrival arrival,
            long limit,
            int day,
            long[] outstanding,
            long[] share,
            double[] remainder) {
        long available = Math.min(limit, seller.finishedGoods(product));
        if (available <= 0 || seller.backlog(product) == 0) {
            return 0;
        }
        int buyers = seller.buyers();
        if (rule == AllocationRule.FIFO) {
            long shipped = 0;
            // Oldest order first across buyers: merge the buyers' queues by order id.
            while (shipped < available) {
                int oldest = -1;
                for (int b = 0; b < buyers; b++) {
                    int head = seller.oldestOpenOrder(product, b);
                    if (head >= 0 && seller.approved(head, day) && (oldest < 0 || head < oldest)) {
                        oldest = head;
                    }
                }
                if (oldest < 0) {
                    break;
                }
                long units = Math.min(seller.remaining(oldest), available - shipped);
                seller.ship(oldest, units, arrival);
                shipped += units;
            }
            return shipped;
        }
        boolean licensed = seller.status().licence(product) != null;
        for (int b = 0; b < buyers; b++) {
            outstanding[b] = licensed ? seller.approvedBacklog(b, product, day) : seller.backlog(b, product);
        }
        proportional(available, outstanding, share, remainder);
        return seller.shipToEach(product, share, arrival);
    }
}
