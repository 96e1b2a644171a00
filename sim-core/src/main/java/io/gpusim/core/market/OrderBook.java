package io.gpusim.core.market;

import java.util.Arrays;

/**
 * Every order of a run, stored in rows of two primitive arrays indexed by order id (ids count up from 0 in
 * placement order), and the open orders of each (product, buyer) pair as a queue of ids, oldest first. The fields
 * that shipping reads and writes (quantity, shipped, cancelled, price) sit side by side in one row of longs, so
 * filling an order touches one cache line; the rest (queue, step, requested-by day, rush) sit in a row of ints. A
 * run places hundreds of orders; keeping them in arrays rather than objects keeps the hot path free of allocation.
 * The ledger owns the book and is the only writer.
 */
final class OrderBook {
    private static final int MIN_CAPACITY = 64;
    private static final int INITIAL_QUEUE = 16;

    // Row of longs per order.
    private static final int QUANTITY = 0;
    private static final int SHIPPED = 1;
    private static final int CANCELLED = 2;
    private static final int PRICE = 3;
    private static final int LONGS = 4;
    // Row of ints per order.
    private static final int QUEUE = 0;
    private static final int PLACED = 1;
    private static final int REQUESTED_BY = 2;
    private static final int RUSH = 3;
    /** Day from which the order may ship (its licence decision); {@code Integer.MIN_VALUE} when unlicensed. */
    private static final int APPROVAL = 4;
    /** 1 when the order's licence is denied: it is cancelled on its approval day instead of shipped. */
    private static final int DENIED = 5;

    private static final int INTS = 6;

    private final int buyers;
    private int count;
    private long[] amounts;
    /** Per order: its queue ({@code PairIndex.of(product, buyer, buyers)}), placement step, requested-by day, rush (0 or 1). */
    private int[] terms;

    /** Open order ids per queue {@code PairIndex.of(product, buyer, buyers)}: a ring of {@code size[q]} ids from {@code head[q]}. */
    private final int[][] open;

    private final int[] head;
    private final int[] size;

    OrderBook(int buyers, int products, int expectedOrders) {
        this.buyers = buyers;
        int n = Math.max(MIN_CAPACITY, expectedOrders);
        amounts = new long[n * LONGS];
        terms = new int[n * INTS];
        this.open = new int[PairIndex.size(products, buyers)][];
        this.head = new int[PairIndex.size(products, buyers)];
        this.size = new int[PairIndex.size(products, buyers)];
    }

    int count() {
        return count;
    }

    /** Records a new open order and returns its id. */
    int add(int b, int p, long units, long cents, int step, int requestedBy, boolean isRush) {
        if (count * INTS == terms.length) {
            amounts = Arrays.copyOf(amounts, amounts.length * 2);
            terms = Arrays.copyOf(terms, terms.length * 2);
        }
        int id = count++;
        int q = PairIndex.of(p, b, buyers);
        int a = id * LONGS;
        amounts[a + QUANTITY] = units;
        amounts[a + PRICE] = cents;
        int t = id * INTS;
        terms[t + QUEUE] = q;
        terms[t + PLACED] = step;
        terms[t + REQUESTED_BY] = requestedBy;
        terms[t + RUSH] = isRush ? 1 : 0;
        terms[t + APPROVAL] = Integer.MIN_VALUE;
        enqueue(q, id);
        return id;
    }

    /**
     * Adds units to a buyer's newest open order of a product if it is a regular order at this price, and returns
     * its id; returns -1 (and changes nothing) when there is no such order.
     */
    int topUp(int b, int p, long units, long cents) {
        int q = PairIndex.of(p, b, buyers);
        if (size[q] == 0) {
            return -1;
        }
        int[] ring = open[q];
        int id = ring[(head[q] + size[q] - 1) & (ring.length - 1)];
        if (terms[id * INTS + RUSH] != 0 || amounts[id * LONGS + PRICE] != cents) {
            return -1;
        }
        amounts[id * LONGS + QUANTITY] += units;
        return id;
    }

    private void enqueue(int q, int id) {
        int[] ring = open[q];
        if (ring == null) {
            ring = new int[INITIAL_QUEUE];
            open[q] = ring;
        } else if (size[q] == ring.length) {
            int[] bigger = new int[ring.length * 2];
            for (int i = 0; i < size[q]; i++) {
                bigger[i] = ring[(head[q] + i) & (ring.length - 1)];
            }
            ring = bigger;
            open[q] = ring;
            head[q] = 0;
        }
        ring[(head[q] + size[q]) & (ring.length - 1)] = id;
        size[q]++;
    }

    /** The oldest open order of a buyer for a product, or -1. */
    int oldestOpen(int p, int b) {
        int q = PairIndex.of(p, b, buyers);
        return size[q] == 0 ? -1 : open[q][head[q]];
    }

    /** Number of open orders of a buyer for a product. */
    int openCount(int p, int b) {
        return size[PairIndex.of(p, b, buyers)];
    }

    /** The i-th oldest open order of a buyer for a product. */
    int openAt(int p, int b, int i) {
        int q = PairIndex.of(p, b, buyers);
        return open[q][(head[q] + i) & (open[q].length - 1)];
    }

    /** Adds shipped units to an order and drops it from its queue once nothing remains open. */
    void addShipped(int id, long units) {
        amounts[id * LONGS + SHIPPED] += units;
        if (remaining(id) == 0) {
            close(id);
        }
    }

    /**
     * Ships {@code units} to a buyer's open orders of a product, oldest first, closing those filled; the caller has
     * checked that the orders hold that many. Returns the price of the units shipped, in cents.
     */
    long shipOldestFirst(int p, int b, long units) {
        int q = PairIndex.of(p, b, buyers);
        int[] ring = open[q];
        int mask = ring.length - 1;
        long cents = 0;
        long left = units;
        while (left > 0) {
            int a = ring[head[q]] * LONGS;
            long unfilled = amounts[a + QUANTITY] - amounts[a + SHIPPED] - amounts[a + CANCELLED];
            long take = Math.min(left, unfilled);
            amounts[a + SHIPPED] += take;
            cents = Math.addExact(cents, Math.multiplyExact(take, amounts[a + PRICE]));
            left -= take;
            if (take == unfilled) {
                head[q] = (head[q] + 1) & mask;
                size[q]--;
            }
        }
        return cents;
    }

    /** Sets an order's licence decision: it may ship from {@code day}, or (denied) is cancelled on that day. */
    void setApproval(int id, int day, boolean denied) {
        terms[id * INTS + APPROVAL] = day;
        terms[id * INTS + DENIED] = denied ? 1 : 0;
    }

    int approvalDay(int id) {
        return terms[id * INTS + APPROVAL];
    }

    boolean denied(int id) {
        return terms[id * INTS + DENIED] != 0;
    }

    /**
     * Units a buyer may receive of a product on {@code day}: what remains of its oldest open orders, up to the first
     * one not yet approved or denied (orders are approved in the order they were placed).
     */
    long approvedRemaining(int p, int b, int day) {
        int q = PairIndex.of(p, b, buyers);
        long units = 0;
        for (int i = 0; i < size[q]; i++) {
            int id = open[q][(head[q] + i) & (open[q].length - 1)];
            if (approvalDay(id) > day || denied(id)) {
                break;
            }
            units += remaining(id);
        }
        return units;
    }

    /** Cancels what remains of one open order and drops it from its queue; returns the units cancelled. */
    long cancelOne(int id) {
        long r = remaining(id);
        amounts[id * LONGS + CANCELLED] += r;
        close(id);
        return r;
    }

    /** Cancels what remains of every open order of a product, calling back with each order's cancelled units. */
    long cancelOpen(int p, CancelSink sink) {
        long lost = 0;
        for (int b = 0; b < buyers; b++) {
            int q = PairIndex.of(p, b, buyers);
            for (int i = 0; i < size[q]; i++) {
                int id = open[q][(head[q] + i) & (open[q].length - 1)];
                long r = remaining(id);
                amounts[id * LONGS + CANCELLED] += r;
                lost = Math.addExact(lost, Math.multiplyExact(r, amounts[id * LONGS + PRICE]));
                sink.cancelled(b, r);
            }
            size[q] = 0;
            head[q] = 0;
        }
        return lost;
    }

    /** Receives the units cancelled from one buyer's order. */
    interface CancelSink {
        void cancelled(int buyer, long units);
    }

    private void close(int id) {
        int q = terms[id * INTS + QUEUE];
        int[] ring = open[q];
        int mask = ring.length - 1;
        if (ring[head[q]] == id) {
            head[q] = (head[q] + 1) & mask;
            size[q]--;
            return;
        }
        // Closed out of turn (possible through the ledger's API, never by the allocation rules): close the gap.
        for (int i = 1; i < size[q]; i++) {
            if (ring[(head[q] + i) & mask] == id) {
                for (int j = i; j < size[q] - 1; j++) {
                    ring[(head[q] + j) & mask] = ring[(head[q] + j + 1) & mask];
                }
                size[q]--;
                return;
            }
        }
        throw new IllegalStateException("order " + id + " is not open");
    }

    int buyer(int id) {
        return PairIndex.buyer(terms[id * INTS + QUEUE], buyers);
    }

    int product(int id) {
        return PairIndex.product(terms[id * INTS + QUEUE], buyers);
    }

    long quantity(int id) {
        return amounts[id * LONGS + QUANTITY];
    }

    long priceCents(int id) {
        return amounts[id * LONGS + PRICE];
    }

    int placedStep(int id) {
        return terms[id * INTS + PLACED];
    }

    int requestedByDay(int id) {
        return terms[id * INTS + REQUESTED_BY];
    }

    boolean rush(int id) {
        return terms[id * INTS + RUSH] != 0;
    }

    long shipped(int id) {
        return amounts[id * LONGS + SHIPPED];
    }

    long cancelled(int id) {
        return amounts[id * LONGS + CANCELLED];
    }

    long remaining(int id) {
        int a = id * LONGS;
        return amounts[a + QUANTITY] - amounts[a + SHIPPED] - amounts[a + CANCELLED];
    }

    /** A snapshot of one order. */
    Order snapshot(int id) {
        return new Order(
                id,
                buyer(id),
                product(id),
                quantity(id),
                priceCents(id),
                placedStep(id),
                requestedByDay(id),
                rush(id),
                shipped(id),
                cancelled(id));
    }
}
