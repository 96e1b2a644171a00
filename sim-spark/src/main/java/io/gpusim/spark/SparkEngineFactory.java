package io.gpusim.spark;

import io.gpusim.experiment.TaskEngine;
import io.gpusim.experiment.TaskEngineFactory;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --engine spark}: a Spark session on {@code --master} (default {@code local[THREADS]}), or the one
 * {@code spark-submit} configured. Tasks are split into {@code THREADS x 4} partitions per batch (at least 2).
 */
public final class SparkEngineFactory implements TaskEngineFactory {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public TaskEngine create(String master, int threads) {
        SparkSession.Builder builder = SparkSession.builder().appName("gpusim");
        boolean submitted = System.getProperty("spark.master") != null;
        if (master != null) {
            builder.master(master);
        } else if (!submitted) {
            builder.master("local[" + threads + "]");
        }
        String effective = master != null ? master : submitted ? System.getProperty("spark.master") : "local";
        if (effective.startsWith("local")) {
            builder.config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false");
        }
        // A session that already exists (an application embedding gpusim) is used, and left running.
        boolean existing = SparkSession.getDefaultSession().isDefined();
        SparkSession session = builder.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return new SparkEngine(session, Math.max(2, threads * 4), !existing);
    }
}
