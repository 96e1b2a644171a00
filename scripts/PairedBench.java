import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times two builds of gpusim side by side in one JVM (see scripts/paired-bench). Each build's class path gets a class
 * loader of its own; chunks of replications of each run in turn, the first of a pair alternating, so the host's drift
 * from minute to minute touches both alike. Prints the median time per replication of each and the median and
 * quartiles of the pairs' ratios (B over A). Uses only ScenarioLoader.load, ScenarioPlan.of, Simulation.run,
 * Seeds.replicationSeed and RunResult.metrics, which every build since the scenario plan has.
 */
public final class PairedBench {
    /** Keeps the replications' results live. */
    private static volatile double sink;

    private PairedBench() {}

    /** One build: a scenario planned by its own classes, and its replication function. */
    private static final class Build {
        private final Object plan;
        private final Method run;
        private final Method seed;
        private final Method metrics;

        Build(String classPath, Path scenario) throws ReflectiveOperationException, java.io.IOException {
            String[] parts = classPath.split(java.io.File.pathSeparator);
            URL[] urls = new URL[parts.length];
            for (int i = 0; i < parts.length; i++) {
                Path part = Path.of(parts[i]);
                if (!Files.exists(part)) {
                    throw new IllegalArgumentException(part + ": no such file or directory");
                }
                urls[i] = part.toUri().toURL();
            }
            ClassLoader loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
            try {
                loader.loadClass("io.gpusim.agents.Simulation");
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException(classPath + ": not a gpusim build (no io.gpusim.agents.Simulation)");
            }
            Class<?> scenarioType = loader.loadClass("io.gpusim.core.scenario.Scenario");
            Class<?> planType = loader.loadClass("io.gpusim.agents.ScenarioPlan");
            Object loaded = loader.loadClass("io.gpusim.core.scenario.ScenarioLoader")
                    .getMethod("load", Path.class)
                    .invoke(null, scenario);
            plan = planType.getMethod("of", scenarioType).invoke(null, loaded);
            run = loader.loadClass("io.gpusim.agents.Simulation").getMethod("run", planType, long.class, boolean.class);
            seed = loader.loadClass("io.gpusim.core.Seeds").getMethod("replicationSeed", long.class, long.class);
            metrics = loader.loadClass("io.gpusim.core.metrics.RunResult").getMethod("metrics");
        }

        /** Runs replications {@code first .. first + n - 1} (master seed 1); returns a sum of their first metric. */
        double chunk(long first, int n) throws ReflectiveOperationException {
            double sum = 0;
            for (long i = first; i < first + n; i++) {
                Object result = run.invoke(null, plan, seed.invoke(null, 1L, i), false);
                sum += ((double[]) metrics.invoke(result))[0];
            }
            return sum;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: PairedBench CLASSPATH_A CLASSPATH_B SCENARIO_A SCENARIO_B CHUNK PAIRS WARMUP");
            System.exit(2);
        }
        try {
            int chunk = atLeast(args[4], "CHUNK", 1);
            int pairs = atLeast(args[5], "PAIRS", 1);
            int warmup = atLeast(args[6], "WARMUP", 0);
            Build a = new Build(args[0], scenario(args[2]));
            Build b = new Build(args[1], scenario(args[3]));
            double[] timeA = new double[pairs];
            double[] timeB = new double[pairs];
            for (int pair = -warmup; pair < pairs; pair++) {
                long first = (long) (pair + warmup) * chunk;
                for (int k = 0; k < 2; k++) {
                    boolean runA = (k == 0) == ((pair & 1) == 0);
                    long t0 = System.nanoTime();
                    sink += (runA ? a : b).chunk(first, chunk);
                    double micros = (System.nanoTime() - t0) / 1e3 / chunk;
                    if (pair >= 0) {
                        (runA ? timeA : timeB)[pair] = micros;
                    }
                }
            }
            double[] ratio = new double[pairs];
            for (int i = 0; i < pairs; i++) {
                ratio[i] = timeB[i] / timeA[i];
            }
            Arrays.sort(timeA);
            Arrays.sort(timeB);
            Arrays.sort(ratio);
            System.out.printf(
                    "A %.2f us/run, B %.2f us/run (medians of %d chunks of %d); B/A median %.3f, quartiles %.3f-%.3f%n",
                    timeA[pairs / 2], timeB[pairs / 2], pairs, chunk, ratio[pairs / 2], ratio[pairs / 4],
                    ratio[(3 * pairs) / 4]);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            System.err.println("paired-bench: " + (cause.getMessage() != null ? cause.getMessage() : cause));
            System.exit(1);
        } catch (IllegalArgumentException | ReflectiveOperationException e) {
            System.err.println("paired-bench: " + e.getMessage());
            System.exit(1);
        }
    }

    private static Path scenario(String file) {
        if (file.isEmpty()) {
            throw new IllegalArgumentException("no scenario file given (an empty name)");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException(file + ": no such scenario file");
        }
        return path;
    }

    /** A whole number of at least {@code least} (1 or 0), or an error that names it. */
    private static int atLeast(String value, String name, int least) {
        try {
            int n = Integer.parseInt(value);
            if (n >= least) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                name + " must be a whole number of at least " + least + ", got '" + value + "'");
    }
}
