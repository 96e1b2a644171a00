package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.agents.rules.Allocation;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class AllocationProperties {

    @Property(tries = 500)
    void proportionalSharesAreExactBoundedAndFair(
            @ForAll @LongRange(min = 0, max = 2_000_000) long available,
            @ForAll @Size(min = 1, max = 8) long[] rawOutstanding) {
        long[] outstanding = new long[rawOutstanding.length];
        long total = 0;
        for (int i = 0; i < outstanding.length; i++) {
            outstanding[i] = Math.floorMod(rawOutstanding[i], 1_000_000L);
            total += outstanding[i];
        }
        long[] share = Allocation.proportional(available, outstanding);
        long sum = 0;
        for (int b = 0; b < share.length; b++) {
            assertTrue(share[b] >= 0 && share[b] <= outstanding[b], "buyer " + b + " gets " + share[b]);
            sum += share[b];
            if (total > available) {
                double exact = (double) available * outstanding[b] / total;
                assertTrue(Math.abs(share[b] - exact) < 1.0 + 1e-9, "share " + share[b] + " vs exact " + exact);
            }
        }
        assertEquals(Math.min(available, total), sum);
    }
}
