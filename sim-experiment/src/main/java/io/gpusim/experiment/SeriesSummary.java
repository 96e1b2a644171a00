package io.gpusim.experiment;

import io.gpusim.core.metrics.ProductSeries;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Per-step quantiles (p05, p50, p95) of every series, and of every foreign product's series, over the first
 * {@code capacity} replications of a cell that recorded series. Memory is {@code capacity x steps x series} floats.
 */
public final class SeriesSummary {
    private final int capacity;
    private float[][][] values;
    private int kept;
    /** Output names of the products' series, after the {@link Series} in {@code values}. */
    private String[] productIds = new String[0];

    public SeriesSummary(int capacity) {
        this.capacity = capacity;
    }

    public void add(RunResult r) {
        if (kept >= capacity || !r.hasSeries()) {
            return;
        }
        int products = r.hasProductSeries() ? r.products().size() : 0;
        int perProduct = ProductSeries.values().length;
        if (values == null) {
            productIds = new String[products * perProduct];
            for (int f = 0; f < products; f++) {
                for (ProductSeries ps : ProductSeries.values()) {
                    productIds[f * perProduct + ps.ordinal()] =
                            ps.id(r.products().names().products()[f]);
                }
            }
            values = new float[Series.values().length + productIds.length][r.steps()][capacity];
        }
        for (Series s : Series.values()) {
            keep(s.ordinal(), r.series(s));
        }
        for (int f = 0; f < products && f * perProduct < productIds.length; f++) {
            for (ProductSeries ps : ProductSeries.values()) {
                keep(Series.values().length + f * perProduct + ps.ordinal(), r.productSeries(f, ps));
            }
        }
        kept++;
    }

    private void keep(int row, double[] x) {
        for (int t = 0; t < x.length; t++) {
            values[row][t][kept] = (float) x[t];
        }
    }

    /** A row of {@code series.csv}. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({
        "scenario",
        "point",
        "step",
        "date",
        "series",
        "p05",
        "p50",
        "p95"
    })
    public record Row(
            String scenario, String point, int step, String date, String series, double p05, double p50, double p95) {}

    /** Rows for every step and series, dates from the first day of each step. */
    public List<Row> rows(String scenario, String point, java.util.function.IntFunction<String> dateOfStep) {
        List<Row> rows = new ArrayList<>();
        if (values == null) {
            return rows;
        }
        Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
        int steps = values[0].length;
        double[] buf = new double[kept];
        int standard = Series.values().length;
        for (int t = 0; t < steps; t++) {
            for (int k = 0; k < values.length; k++) {
                String id = k < standard ? Series.values()[k].id() : productIds[k - standard];
                float[] v = values[k][t];
                for (int i = 0; i < kept; i++) {
                    buf[i] = v[i];
                }
                Arrays.sort(buf);
                q.setData(buf);
                rows.add(new Row(
                        scenario, point, t, dateOfStep.apply(t), id, q.evaluate(5), q.evaluate(50), q.evaluate(95)));
            }
        }
        return rows;
    }
}
