package io.gpusim.core.market;

import java.util.Arrays;

/**
 * Every order of a run, stored as columns of primitive arrays indexed by order id (ids count up from 0 in placement
 * order), and the open orders of each (product, buyer) pair as a queue of ids, oldest first. A run places hundreds
 * of orders; keeping them as columns rather than objects keeps the hot path free of allocation. The ledger owns the
 * book and is the only writer.
 */
final class OrderBook {
    private static final int MIN_CAPACITY = 64;
    private static final int INITIAL_QUEUE = 16;

    private final int buyers;
    private int count;
    /** The queue of each order, {@code product * buyers + buyer}. */
    private int[] queue;
    private int[] placedStep;
    private int[] requestedByDay;
    private long[] quantity;
    private long[] priceCents;
    private long[] shipped;
    /** Units cancelled per order; allocated at the first cancellation (a run cancels orders only at a ban). */
    private long[] cancelled;
    private boolean[] rush;

    /** Open order ids per queue {@code product * buyers + buyer}: a ring of {@code size[q]} ids from {@code head[q]}. */
    private final int[][] open;
    private final int[] head;
    private final int[] size;

    OrderBook(int buyers, int products, int expectedOrders) {
        this.buyers = buyers;
        int n = Math.max(MIN_CAPACITY, expectedOrders);
        queue = new int[n];
        placedStep = new int[n];
        requestedByDay = new int[n];
        quantity = new long[n];
        priceCents = new long[n];
        shipped = new long[n];
        rush = new boolean[n];
        this.open = new int[products * buyers][];
        this.head = new int[products * buyers];
        this.size = new int[products * buyers];
    }

    int count() {
        return count;
    }

    /** Records a new open order and returns its id. */
    int add(int b, int p, long units, long cents, int step, int requestedBy, boolean isRush) {
        if (count == queue.length) {
            grow();
        }
        int id = count++;
        int q = p * buyers + b;
        queue[id] = q;
        quantity[id] = units;
        priceCents[id] = cents;
        placedStep[id] = step;
        requestedByDay[id] = requestedBy;
        rush[id] = isRush;
        enqueue(q, id);
        return id;
    }

    private void grow() {
        int n = queue.length * 2;
        queue = Arrays.copyOf(queue, n);
        placedStep = Arrays.copyOf(placedStep, n);
        requestedByDay = Arrays.copyOf(requestedByDay, n);
        quantity = Arrays.copyOf(quantity, n);
        priceCents = Arrays.copyOf(priceCents, n);
        shipped = Arrays.copyOf(shipped, n);
        if (cancelled != null) {
            cancelled = Arrays.copyOf(cancelled, n);
        }
        rush = Arrays.copyOf(rush, n);
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
        int q = p * buyers + b;
        return size[q] == 0 ? -1 : open[q][head[q]];
    }

    /** Number of open orders of a buyer for a product. */
    int openCount(int p, int b) {
        return size[p * buyers + b];
    }

    /** The i-th oldest open order of a buyer for a product. */
    int openAt(int p, int b, int i) {
        int q = p * buyers + b;
        return open[q][(head[q] + i) & (open[q].length - 1)];
    }

    /** Adds shipped units to an order and drops it from its queue once nothing remains open. */
    void addShipped(int id, long units) {
        shipped[id] += units;
        if (remaining(id) == 0) {
            close(id);
        }
    }

    /**
     * Ships {@code units} to a buyer's open orders of a product, oldest first, closing those filled; the caller has
     * checked that the orders hold that many. Returns the price of the units shipped, in cents.
     */
    long shipOldestFirst(int p, int b, long units) {
        int q = p * buyers + b;
        int[] ring = open[q];
        int mask = ring.length - 1;
        long cents = 0;
        long left = units;
        while (left > 0) {
            int id = ring[head[q]];
            long take = Math.min(left, remaining(id));
            shipped[id] += take;
            cents = Math.addExact(cents, Math.multiplyExact(take, priceCents[id]));
            left -= take;
            if (remaining(id) == 0) {
                head[q] = (head[q] + 1) & mask;
                size[q]--;
            }
        }
        return cents;
    }

    /** Cancels what remains of every open order of a product, calling back with each order's cancelled units. */
    long cancelOpen(int p, CancelSink sink) {
        long lost = 0;
        for (int b = 0; b < buyers; b++) {
            int q = p * buyers + b;
            for (int i = 0; i < size[q]; i++) {
                int id = open[q][(head[q] + i) & (open[q].length - 1)];
                long r = remaining(id);
                if (cancelled == null) {
                    cancelled = new long[quantity.length];
                }
                cancelled[id] += r;
                lost = Math.addExact(lost, Math.multiplyExact(r, priceCents[id]));
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
        int q = queue[id];
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
        return queue[id] % buyers;
    }

    int product(int id) {
        return queue[id] / buyers;
    }

    long quantity(int id) {
        return quantity[id];
    }

    long priceCents(int id) {
        return priceCents[id];
    }

    int placedStep(int id) {
        return placedStep[id];
    }

    int requestedByDay(int id) {
        return requestedByDay[id];
    }

    boolean rush(int id) {
        return rush[id];
    }

    long shipped(int id) {
        return shipped[id];
    }

    long cancelled(int id) {
        return cancelled == null ? 0 : cancelled[id];
    }

    long remaining(int id) {
        return quantity[id] - shipped[id] - cancelled(id);
    }

    /** A snapshot of one order. */
    Order snapshot(int id) {
        return new Order(id, buyer(id), product(id), quantity[id], priceCents[id], placedStep[id],
                requestedByDay[id], rush[id], shipped[id], cancelled(id));
    }
}
