package io.gpusim.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Ledger#checkConservation} reports each kind of violation. The ledger's own operations never break its books,
 * so each test corrupts one of its private counters (as a bug in a booking would) and reads the report. The
 * corruption is put on the last product and the last buyer, so that a check that stops early misses it.
 */
class LedgerChecksTest {
    // three buyers; products 0 and 1 by seller 0, product 2 by seller 1
    private Ledger ledger;

    @BeforeEach
    void balancedBooks() {
        ledger = new Ledger(3, new int[] {0, 0, 1}, 2);
        for (int p = 0; p < 3; p++) {
            ledger.startProduction(p, 100);
            ledger.completeProduction(p, 60);
            for (int b = 0; b < 3; b++) {
                ledger.placeOrder(b, p, 10, 1_000, 0, 7, false);
            }
            ledger.shipOldestFirst(p, 2, 4, 1);
        }
        assertNull(ledger.checkConservation());
    }

    private long[] counter(String name) {
        try {
            Field f = Ledger.class.getDeclaredField(name);
            f.setAccessible(true);
            return (long[]) f.get(ledger);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Adds {@code delta} to one slot of a per-product, per-pair or per-seller counter. */
    private void bump(String name, int index, long delta) {
        counter(name)[index] += delta;
    }

    /** The pair slot of (product 2, buyer 2). */
    private static final int LAST_PAIR = PairIndex.of(2, 2, 3);

    @Test
    void unitsStartedButNotAccountedFor() {
        bump("started", 2, 1);
        assertEquals("product 2: started 101 but accounted 100", ledger.checkConservation());
    }

    @Test
    void unitsAccountedForButNeverStarted() {
        bump("started", 2, -1);
        assertEquals("product 2: started 99 but accounted 100", ledger.checkConservation());
    }

    @Test
    void completedUnitsThatDoNotBalance() {
        bump("completed", 2, 1);
        assertEquals("product 2: completed units do not balance", ledger.checkConservation());
    }

    @Test
    void moreSoldElsewhereThanWrittenOff() {
        bump("soldElsewhere", 2, 1);
        assertEquals("product 2: 1 written-off units sold elsewhere of 0", ledger.checkConservation());
    }

    @Test
    void negativeUnitsSoldElsewhere() {
        ledger.writeOff(2, 1);
        bump("soldElsewhere", 2, -1);
        assertEquals("product 2: -1 written-off units sold elsewhere of 56", ledger.checkConservation());
    }

    @Test
    void negativeSellerStock() {
        // each negative counter paired with the counters that keep both unit balances, so only its sign is wrong
        for (String place : new String[] {"wip", "finished", "inTransit"}) {
            balancedBooks();
            long held = counter(place)[2];
            bump(place, 2, -held - 1);
            bump("started", 2, -held - 1);
            if (!place.equals("wip")) {
                bump("completed", 2, -held - 1);
            }
            assertEquals("product 2: negative seller stock", ledger.checkConservation(), place);
        }
    }

    @Test
    void negativeBuyerStockOrDeployment() {
        for (String place : new String[] {"stock", "deployed"}) {
            balancedBooks();
            bump(place, LAST_PAIR, -1);
            bump("started", 2, -1);
            bump("completed", 2, -1);
            assertEquals("buyer 2 product 2: negative stock", ledger.checkConservation(), place);
        }
    }

    @Test
    void aBacklogTheOpenOrdersDoNotHold() {
        bump("backlogUnits", LAST_PAIR, 1);
        assertEquals("buyer 2 product 2: backlog 7 but open orders hold 6", ledger.checkConservation());
    }

    @Test
    void aProductBacklogThatIsNotTheSumOfTheBuyers() {
        bump("backlogTotal", 2, 1);
        assertEquals("product 2: backlog total 27 but buyers' backlogs sum to 26", ledger.checkConservation());
    }

    @Test
    void moneyPaidThatNoSellerReceived() {
        bump("paidCents", 2, 5);
        assertEquals("buyers paid 12005 cents but sellers received 12000", ledger.checkConservation());
    }

    @Test
    void feesBeyondRevenueOrBelowZero() {
        bump("feeCents", 1, 4_001);
        assertEquals("seller 1 paid 4001 cents of fees out of 4000", ledger.checkConservation());
        bump("feeCents", 1, -4_002);
        assertEquals("seller 1 paid -1 cents of fees out of 4000", ledger.checkConservation());
        bump("feeCents", 1, 4_001);
        assertNull(ledger.checkConservation(), "every fee paid out of revenue is allowed");
    }
}
