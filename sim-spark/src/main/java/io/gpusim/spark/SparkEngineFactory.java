package io.gpusim.spark;

import io.gpusim.experiment.TaskEngine;
import io.gpusim.experiment.TaskEngineFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * {@code --engine spark}: a Spark session on {@code --master} (default {@code local[THREADS]}), or the one
 * {@code spark-submit} configured. Tasks are split into {@code THREADS x 4} partitions per batch (at least 2). On a
 * cluster master, the jar gpusim runs from is shipped to the executors.
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
        } else if (System.getProperty("spark.jars") == null) {
            // Executors on a cluster load gpusim's classes from the jar the driver ships them: the jar this class
            // came from, unless spark-submit (or the user) named the jars to ship.
            shippableJar().ifPresent(jar -> builder.config("spark.jars", jar));
        }
        // A session that already exists (an application embedding gpusim) is used, and left running.
        boolean existing = SparkSession.getDefaultSession().isDefined();
        SparkSession session = builder.getOrCreate();
        session.sparkContext().setLogLevel("WARN");
        return new SparkEngine(session, Math.max(2, threads * 4), !existing);
    }

    /** The jar file gpusim's Spark engine was loaded from; empty when it runs from a classes directory. */
    private static Optional<String> shippableJar() {
        CodeSource source = SparkEngineFactory.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location.toString()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
