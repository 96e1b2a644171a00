package io.gpusim.core;

import io.gpusim.core.market.EventLog;
import io.gpusim.core.market.Exchange;
import io.gpusim.core.market.Ledger;
import io.gpusim.core.market.MarketStatus;
import io.gpusim.core.market.Product;
import io.gpusim.core.metrics.RunRecorder;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.params.ScenarioParams;
import io.gpusim.core.scenario.Scenario;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import sim.engine.Sequence;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One replication of a scenario on MASON: the calendar, the products, the ledger, public events, the market status
 * and the run's recorder. It holds no behaviour: agents (added per {@link Phase}) act on it. {@link #run()} puts the
 * replication on MASON's schedule as one event, which runs every step in turn as a MASON {@code Sequence} of the
 * agents; the model's clock is {@link #step()} and {@link #today()}.
 */
public class MarketModel extends SimState {
    private static final long serialVersionUID = 1L;

    /** The scenario's fixed layout (calendar, products, sellers), shared with its other replications. */
    private final transient Market market;
    /** The market's calendar, read by every agent every step. */
    private final Calendar calendar;

    private final long replicationSeed;
    /** Normal draws from {@code random}; not kept in MASON checkpoints, which gpusim does not use. */
    private final transient NormalizedGaussianSampler gaussian;

    private final Exchange exchange;
    private final RunRecorder recorder;
    private final Map<Phase, List<Steppable>> agents = new EnumMap<>(Phase.class);
    private boolean ran;
    /** The current step: the model's clock. */
    private int currentStep;

    private int currentDay;

    /**
     * @param scenario a validated scenario
     * @param replicationSeed the replication's seed (see {@link Seeds#replicationSeed})
     * @param recordSeries whether to keep the per-step series
     */
    public MarketModel(Scenario scenario, long replicationSeed, boolean recordSeries) {
        this(Market.of(scenario), replicationSeed, recordSeries);
    }

    /**
     * @param market the market of a validated scenario, shared by its replications
     * @param replicationSeed the replication's seed (see {@link Seeds#replicationSeed})
     * @param recordSeries whether to keep the per-step series
     */
    public MarketModel(Market market, long replicationSeed, boolean recordSeries) {
        super(Seeds.random(replicationSeed));
        this.market = market;
        this.replicationSeed = replicationSeed;
        this.gaussian = Seeds.gaussian(random);
        this.calendar = market.calendar();
        // Room for as many orders as the market's replications have placed so far; the book grows if one needs more.
        int buyers = market.buyers();
        this.exchange =
                new Exchange(market.products(), market.sellers().size(), buyers, market.orderRoom(), this::onBan);
        this.recorder = new RunRecorder(
                market.foreign(),
                market.sellers().size(),
                calendar,
                exchange.ledger(),
                exchange.status(),
                exchange.events(),
                market.vendorProduct(),
                market.domestic(),
                recordSeries);
        for (Phase phase : Phase.values()) {
            agents.put(phase, new ArrayList<>());
        }
        agents.get(Phase.ARRIVALS).add(state -> exchange.beginStep(currentStep));
    }

    /** Adds an agent to a phase; agents of one phase act in the order they were added. */
    public void addAgent(Phase phase, Steppable agent) {
        if (phase == Phase.ARRIVALS || phase == Phase.RECORD) {
            throw new IllegalArgumentException(phase + " belongs to the kernel");
        }
        agents.get(phase).add(agent);
    }

    /** Runs the replication to the end of the horizon and returns its metrics. A model runs once. */
    public RunResult run() {
        if (ran) {
            throw new IllegalStateException("a MarketModel runs once");
        }
        ran = true;
        start();
        agents.get(Phase.RECORD).add(state -> recorder.recordStep(step()));
        // Each step is one MASON Sequence: the phases in enum order and, inside each, the agents in the order they
        // were added, so nothing depends on the schedule's shuffling of same-time steppables.
        List<Steppable> ordered = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            ordered.addAll(agents.get(phase));
        }
        // The whole replication is one event on MASON's schedule, which runs the steps in turn. Putting each step on
        // the schedule as an event of its own (a key, the heap and the schedule's locks, every step) cost about 8% of
        // a replication's time, with the same results (docs/PERFORMANCE.md).
        Sequence everyStep = new Sequence(ordered.toArray(new Steppable[0]));
        int steps = calendar.steps();
        schedule.scheduleOnce(0, 0, state -> {
            for (int i = 0; i < steps; i++) {
                // The step and its first day are read many times, so they are set here once.
                currentStep = i;
                currentDay = calendar.firstDayOf(i);
                everyStep.step(state);
            }
        });
        schedule.step(this);
        finish();
        market.placedOrders(exchange.ledger().orderCount());
        return recorder.result(replicationSeed, market.vendorSeller(), market.domesticSeller());
    }

    /** Controls on a product took effect: the recorder captures the market at the vendor product's ban. */
    private void onBan(int product, int day) {
        if (product == market.vendorProduct()) {
            recorder.onVendorBan(day);
        }
    }

    /** A standard normal draw from the replication's random stream ({@link Seeds#gaussian}). */
    public double nextGaussian() {
        return gaussian.sample();
    }

    /** The current step, counted from 0: the model's clock. */
    public int step() {
        return currentStep;
    }

    /** First day of the current step, counted from the scenario start. */
    public int today() {
        return currentDay;
    }

    public Scenario scenario() {
        return market.scenario();
    }

    /** The scenario's parameters, resolved once (shared with its other replications). */
    public ScenarioParams params() {
        return market.params();
    }

    /**
     * The foreign products, primary first ({@link ScenarioParams#foreignProducts}), worked out once per scenario and
     * shared by every replication: callers read it and never write to it.
     */
    public int[] foreignProducts() {
        return market.foreign().products();
    }

    public long replicationSeed() {
        return replicationSeed;
    }

    public Calendar calendar() {
        return calendar;
    }

    public List<Product> products() {
        return market.products();
    }

    public Product product(int index) {
        return market.products().get(index);
    }

    public List<String> sellers() {
        return market.sellers();
    }

    /** The books, to read (agents change them through their views). */
    public Ledger ledger() {
        return exchange.ledger();
    }

    public MarketStatus status() {
        return exchange.status();
    }

    public EventLog events() {
        return exchange.events();
    }

    /** The market's views for agents: a buyer's, a seller's, the regulator's. */
    public Exchange exchange() {
        return exchange;
    }

    public RunRecorder recorder() {
        return recorder;
    }

    public int vendorProduct() {
        return market.vendorProduct();
    }

    public int vendorSeller() {
        return market.vendorSeller();
    }

    public int domesticSeller() {
        return market.domesticSeller();
    }
}
