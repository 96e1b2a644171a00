package io.gpusim.experiment;

import java.io.Serializable;
import java.util.function.Consumer;

/**
 * Runs numbered tasks somewhere (threads of this process, or a cluster) and hands their results back in task order.
 * Every study runs through this one interface, so all engines give the same results: the study's logic (which
 * replication each task is, and how results are merged) lives in {@link StudyRunner}, not in the engine.
 */
public interface TaskEngine extends AutoCloseable {

    /** A task: replication work identified by its index; serialisable so it can be shipped to other machines. */
    @FunctionalInterface
    interface Task<T extends Serializable> extends Serializable {
        T run(long index);
    }

    /**
     * Runs tasks {@code 0 .. count - 1} and passes their results to {@code sink} in index order. Tasks must not
     * throw: failures are part of their results.
     */
    <T extends Serializable> void runTasks(long count, Task<T> task, Consumer<T> sink) throws InterruptedException;

    /**
     * Called once a study's files are complete in {@code outDir}: an engine may add engine-native copies of them
     * (the Spark engine writes {@code runs.parquet}). Does nothing by default.
     */
    default void studyWritten(java.nio.file.Path outDir) throws java.io.IOException {}

    /** How many tasks run at once. */
    int parallelism();

    @Override
    void close();
}
