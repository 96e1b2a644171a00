package io.gpusim.agents;

import io.gpusim.agents.rules.Demand;
import io.gpusim.agents.rules.DomesticSupply;
import io.gpusim.agents.rules.Production;
import io.gpusim.core.Calendar;
import io.gpusim.core.Market;
import io.gpusim.core.market.Arrival;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.params.BuyerParams;
import io.gpusim.core.params.DomesticParams;
import io.gpusim.core.params.ScenarioParams;
import io.gpusim.core.params.ShockParams;
import io.gpusim.core.params.VendorParams;
import io.gpusim.core.scenario.Scenario;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parts of a scenario that are the same in every replication, worked out once: the market layout, the earlier
 * control rounds, and per step each buyer's expected demand before its random level, the vendor's capacity, and the
 * domestic maker's capacity. Immutable; one plan
 * serves any number of replications on any number of threads.
 */
public final class ScenarioPlan {
    private final Scenario scenario;
    private final Market market;
    private final Calendar calendar;
    private final List<MarketEvent> controlRounds;
    private final double[][] weeklyDemandTrend;
    private final double[][] vendorCapacityPerStep;
    private final double[] domesticCapacityPerStep;
    private final Map<Integer, Arrival[]> arrivalsByShippingDays = new ConcurrentHashMap<>();

    private ScenarioPlan(Scenario scenario) {
        this.scenario = scenario;
        this.market = Market.of(scenario);
        this.calendar = market.calendar();
        ScenarioParams params = market.params();
        this.controlRounds = scenario.regulator().history().stream()
                .map(round ->
                        new MarketEvent(calendar.dayOf(round), EventKind.CONTROL_ROUND, -1, "control round " + round))
                .toList();
        int steps = calendar.steps();
        List<BuyerParams> buyers = params.buyers();
        weeklyDemandTrend = new double[buyers.size()][steps];
        for (int b = 0; b < buyers.size(); b++) {
            BuyerParams h = buyers.get(b);
            final int buyer = b;
            List<ShockParams> mine =
                    params.shocks().stream().filter(d -> d.appliesTo(buyer)).toList();
            int[] days = mine.stream().mapToInt(ShockParams::day).toArray();
            double[] effects = mine.stream().mapToDouble(ShockParams::effect).toArray();
            int[] ramps = mine.stream().mapToInt(ShockParams::rampDays).toArray();
            for (int t = 0; t < steps; t++) {
                weeklyDemandTrend[b][t] = Demand.expectedWeeklyDemand(
                        h.demandUnitsPerWeek(),
                        1.0,
                        h.demandGrowthPerYear(),
                        calendar.firstDayOf(t),
                        days,
                        effects,
                        ramps);
            }
        }
        vendorCapacityPerStep = new double[params.vendors().size()][steps];
        for (int i = 0; i < params.vendors().size(); i++) {
            VendorParams v = params.vendors().get(i);
            for (int t = 0; t < steps; t++) {
                vendorCapacityPerStep[i][t] = Production.capacityPerStep(
                        v.capacityDays(), v.capacityUnitsPerMonth(), calendar.firstDayOf(t), calendar.stepDays());
            }
        }
        DomesticParams d = params.domestic();
        domesticCapacityPerStep = new double[steps];
        for (int t = 0; t < steps; t++) {
            domesticCapacityPerStep[t] =
                    DomesticSupply.capacityPerStep(d, calendar.firstDayOf(t), calendar.stepWeeks());
        }
    }

    /** Works out the plan of a validated scenario. */
    public static ScenarioPlan of(Scenario scenario) {
        return new ScenarioPlan(scenario);
    }

    public Scenario scenario() {
        return scenario;
    }

    public Calendar calendar() {
        return calendar;
    }

    /**
     * When a shipment made in each step reaches its buyer, for a shipping time of {@code shippingDays}
     * ({@link Arrival#after} with the time in steps), indexed by step. Made once per plan and shipping time and
     * shared by every replication, so that shipping allocates nothing; callers only read it.
     */
    public Arrival[] arrivals(int shippingDays) {
        return arrivalsByShippingDays.computeIfAbsent(shippingDays, days -> {
            double lagSteps = (double) days / calendar.stepDays();
            Arrival[] byStep = new Arrival[calendar.steps()];
            for (int t = 0; t < byStep.length; t++) {
                byStep[t] = Arrival.after(t, lagSteps);
            }
            return byStep;
        });
    }

    /** The scenario's market layout, shared by its replications. */
    public Market market() {
        return market;
    }

    /** The earlier control rounds as public events, in the scenario's order. */
    public List<MarketEvent> controlRounds() {
        return controlRounds;
    }

    /** Buyer {@code b}'s expected weekly demand at step {@code t}, before its level multiplier. */
    public double weeklyDemandTrend(int b, int t) {
        return weeklyDemandTrend[b][t];
    }

    /** Units the primary vendor can commit to production in step {@code t}. */
    public double vendorCapacity(int t) {
        return vendorCapacityPerStep[0][t];
    }

    /** Units vendor {@code v} (0 the primary, then the scenario's {@code vendors}) can commit in step {@code t}. */
    public double vendorCapacity(int v, int t) {
        return vendorCapacityPerStep[v][t];
    }

    /** Units the domestic maker can finish in step {@code t}. */
    public double domesticCapacity(int t) {
        return domesticCapacityPerStep[t];
    }
}
