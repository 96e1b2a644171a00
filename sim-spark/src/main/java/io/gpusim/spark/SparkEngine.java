package io.gpusim.spark;

import io.gpusim.core.metrics.Metric;
import io.gpusim.experiment.TaskEngine;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Runs a study's tasks on Spark. Tasks go out in batches of {@link #BATCH} indices, split into ranges over the
 * partitions; each batch's results are collected and handed on in index order (while the next batch computes), so
 * memory on the driver is bounded by two batches and the outputs are identical to the local engine's whatever the
 * partitioning. A task that fails on
 * an executor is retried by Spark; a replication that throws is an ordinary (failed) result, as locally.
 */
public final class SparkEngine implements TaskEngine {
    /** Tasks per collected batch. */
    static final int BATCH = 50_000;

    private final SparkSession spark;
    private final JavaSparkContext jsc;
    private final int partitions;
    private final boolean ownsSession;

    /** An engine on an existing session (not stopped on close). */
    public SparkEngine(SparkSession spark, int partitions) {
        this(spark, partitions, false);
    }

    SparkEngine(SparkSession spark, int partitions, boolean ownsSession) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
        }
        this.spark = spark;
        this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        this.partitions = partitions;
        this.ownsSession = ownsSession;
    }

    public SparkSession session() {
        return spark;
    }

    @Override
    public int parallelism() {
        return partitions;
    }

    /**
     * Runs the tasks batch by batch, the next batch computing on the executors while the driver hands on the results
     * of the current one.
     */
    @Override
    public <T extends Serializable> void runTasks(long count, Task<T> task, Consumer<T> sink)
            throws InterruptedException {
        if (count <= 0) {
            return;
        }
        JavaFutureAction<List<T>> next = submit(0, Math.min(count, BATCH), task);
        for (long start = 0; start < count; start += BATCH) {
            List<T> results;
            try {
                results = next.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "a Spark job failed: " + e.getCause().getMessage(), e.getCause());
            }
            long following = start + BATCH;
            next = following < count ? submit(following, Math.min(count, following + BATCH), task) : null;
            for (T result : results) {
                sink.accept(result);
            }
        }
    }

    private <T extends Serializable> JavaFutureAction<List<T>> submit(long start, long end, Task<T> task) {
        int parts = (int) Math.min(partitions, end - start);
        List<long[]> ranges = new ArrayList<>(parts);
        long size = end - start;
        for (int p = 0; p < parts; p++) {
            ranges.add(new long[] {start + size * p / parts, start + size * (p + 1) / parts});
        }
        JavaRDD<T> results = jsc.parallelize(ranges, parts).mapPartitions(it -> {
            List<T> out = new ArrayList<>();
            while (it.hasNext()) {
                long[] r = it.next();
                for (long i = r[0]; i < r[1]; i++) {
                    out.add(task.run(i));
                }
            }
            Iterator<T> iterator = out.iterator();
            return iterator;
        });
        return results.collectAsync();
    }

    /** Writes {@code runs.parquet} (one file per partition of one) from the study's {@code runs.csv}. */
    @Override
    public void studyWritten(Path outDir) throws IOException {
        Path runs = outDir.resolve("runs.csv");
        if (!Files.exists(runs)) {
            return;
        }
        List<StructField> fields = new ArrayList<>(List.of(
                DataTypes.createStructField("scenario", DataTypes.StringType, false),
                DataTypes.createStructField("point", DataTypes.StringType, true),
                DataTypes.createStructField("run", DataTypes.IntegerType, false),
                DataTypes.createStructField("seed", DataTypes.LongType, false)));
        for (Metric m : Metric.values()) {
            fields.add(DataTypes.createStructField(m.id(), DataTypes.DoubleType, true));
        }
        spark.read()
                .schema(DataTypes.createStructType(fields))
                .option("header", "true")
                .csv(runs.toString())
                .coalesce(1)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(outDir.resolve("runs.parquet").toString());
    }

    @Override
    public void close() {
        if (ownsSession) {
            spark.stop();
        }
    }
}
