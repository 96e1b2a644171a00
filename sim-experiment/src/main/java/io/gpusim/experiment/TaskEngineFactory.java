package io.gpusim.experiment;

import java.util.ServiceLoader;

/**
 * Makes a {@link TaskEngine} by name. The local engine is built in; others (such as {@code spark}) are found on the
 * class path through {@link ServiceLoader}, so the command line needs no compile-time dependency on them.
 */
public interface TaskEngineFactory {
    /** The engine's name on the command line ({@code --engine NAME}). */
    String name();

    /**
     * A new engine.
     *
     * @param master where to run (engine-specific, e.g. {@code local[2]}); may be null
     * @param threads local threads, or partitions per task batch for cluster engines
     */
    TaskEngine create(String master, int threads);

    /** Whether an engine with this name can be made here. */
    static boolean available(String name) {
        if ("local".equals(name)) {
            return true;
        }
        for (TaskEngineFactory f : ServiceLoader.load(TaskEngineFactory.class)) {
            if (f.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The engine with this name, or null when it is not on the class path. */
    static TaskEngine create(String name, String master, int threads) {
        if ("local".equals(name)) {
            return new ReplicationRunner(threads);
        }
        for (TaskEngineFactory f : ServiceLoader.load(TaskEngineFactory.class)) {
            if (f.name().equals(name)) {
                return f.create(master, threads);
            }
        }
        return null;
    }
}
