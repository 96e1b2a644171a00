package io.gpusim.bench;

import io.gpusim.agents.ScenarioPlan;
import io.gpusim.agents.Simulation;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the time of one replication of a scenario, through the model and through the reference loop, on one thread.
 * Run with {@code java -cp "$(cat sim-bench/target/classpath.txt):sim-bench/target/classes" org.openjdk.jmh.Main
 * ReplicationBenchmark} (see docs/PERFORMANCE.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplicationBenchmark {
    /** The scenario file, relative to the working directory. */
    @Param("scenarios/h20-2025.yaml")
    public String scenario;

    private ScenarioPlan plan;
    private ReferenceLoop loop;
    private long index;

    @Setup
    public void setUp() throws Exception {
        plan = ScenarioPlan.of(ScenarioLoader.load(Path.of(scenario)));
        loop = new ReferenceLoop(plan);
    }

    /** One replication of the model, a new seed each time. */
    @Benchmark
    public RunResult model() {
        return Simulation.run(plan, Seeds.replicationSeed(1, index++), false);
    }

    /** One replication of the reference loop, a new seed each time. */
    @Benchmark
    public RunResult reference() {
        return loop.run(Seeds.replicationSeed(1, index++));
    }
}
