package io.gpusim.experiment;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.ProductFigure;
import io.gpusim.core.metrics.RunResult;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A record of finished replications in an output directory, so an interrupted study can be resumed. The file
 * {@code journal.txt} starts with the study's fingerprint; each further line is one replication, in the order the
 * study consumed them: cell, run, seed and every metric as the hexadecimal bits of its double (exact), or the
 * error of a failed run. Because results are consumed in a fixed order, a journal always holds a prefix of the
 * study, which a resumed study replays before computing the rest. Lines are flushed every {@value #FLUSH_EVERY}
 * replications, on {@link #flush()} and on close; a line cut short by a crash is dropped when resuming.
 */
public final class Journal implements AutoCloseable {
    /** The journal's file name in an output directory. */
    public static final String FILE = "journal.txt";

    static final int FLUSH_EVERY = 256;
    private static final String HEADER = "gpusim-journal v1 ";

    private final Path file;
    private final long replayable;
    private BufferedReader replay;
    private long replayed;
    private BufferedWriter out;
    private int unflushed;
    private long recorded;

    private Journal(Path file, long replayable, BufferedReader replay, BufferedWriter out) {
        this.file = file;
        this.replayable = replayable;
        this.replay = replay;
        this.out = out;
    }

    /** Starts a new journal for a study, replacing any old one. */
    public static Journal start(Path dir, String fingerprint) throws IOException {
        Path file = dir.resolve(FILE);
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        w.write(HEADER + fingerprint + "\n");
        w.flush();
        return new Journal(file, 0, null, w);
    }

    /** The fingerprint of the study a directory's journal belongs to, or null when there is no readable journal. */
    public static String fingerprintIn(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.exists(file)) {
            return null;
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = r.readLine();
            return first != null && first.startsWith(HEADER)
                    ? first.substring(HEADER.length()).trim()
                    : null;
        }
    }

    /**
     * Reopens a journal to continue its study: drops a line cut short by a crash (and an incomplete group of
     * {@code group} lines), counts the replications that can be replayed, and appends new ones after them.
     */
    public static Journal resume(Path dir, int group) throws IOException {
        Path file = dir.resolve(FILE);
        List<Long> ends = new ArrayList<>();
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long pos = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == '\n') {
                    ends.add(pos);
                }
                pos++;
            }
        }
        if (ends.isEmpty()) {
            throw new IOException(file + " has no header");
        }
        // Keep the header and whole groups of complete lines (a comparison journals its runs in pairs).
        long lines = ends.size();
        long entries = (lines - 1) / group * group;
        lines = entries + 1;
        try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ends.get((int) lines - 1) + 1);
        }
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        reader.readLine(); // header
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return new Journal(file, Math.max(0, lines - 1), reader, w);
    }

    /** How many replications a resumed study replays before computing. */
    public long replayable() {
        return replayable;
    }

    /** How many journaled replications are still to be replayed. */
    public synchronized long remaining() {
        return replayable - replayed;
    }

    /**
     * The next journaled replication; it must be run {@code run} of this cell (checked).
     *
     * @throws IllegalArgumentException when the line is damaged or is not that replication (a line repeated or
     *     removed by hand, say), naming the journal file and line
     */
    public synchronized Replication next(int cell, long run) throws IOException {
        String line = replay.readLine();
        replayed++;
        if (replayed >= replayable) {
            replay.close();
        }
        if (line == null) {
            throw damaged("the journal ends early");
        }
        String[] f = line.split(",", 4);
        try {
            if (f.length < 4 || Integer.parseInt(f[0]) != cell) {
                throw damaged("the line does not match the study");
            }
            int index = Integer.parseInt(f[1]);
            if (index != run) {
                throw damaged("run " + index + " where run " + run + " was expected (a line repeated or missing)");
            }
            long seed = Long.parseLong(f[2]);
            if (f[3].startsWith("!")) {
                return new Replication(index, seed, null, new JournaledFailure(f[3].substring(1)));
            }
            String[] parts = f[3].split("\\|");
            String[] v = parts[0].split(",");
            if (v.length != Metric.values().length) {
                throw damaged(v.length + " metrics where " + Metric.values().length + " were expected");
            }
            double[] m = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                m[i] = Double.longBitsToDouble(Long.parseUnsignedLong(v[i], 16));
            }
            double[][] products = new double[parts.length - 1][];
            for (int p = 1; p < parts.length; p++) {
                String[] pv = parts[p].split(",");
                if (pv.length != ProductFigure.values().length) {
                    throw damaged(
                            pv.length + " product figures where " + ProductFigure.values().length + " were expected");
                }
                products[p - 1] = new double[pv.length];
                for (int i = 0; i < pv.length; i++) {
                    products[p - 1][i] = Double.longBitsToDouble(Long.parseUnsignedLong(pv[i], 16));
                }
            }
            RunResult.ProductTable table = new RunResult.ProductTable(RunResult.ProductNames.NONE, products);
            return new Replication(index, seed, new RunResult(seed, m, null, table), null);
        } catch (NumberFormatException e) {
            throw damaged("the line is damaged (" + e.getMessage() + ")");
        }
    }

    /**
     * The error for a damaged line of the journal, naming the file and the line just read (the header is line 1):
     * the study cannot be resumed from it.
     */
    private IllegalArgumentException damaged(String what) {
        return new IllegalArgumentException(file + ":" + (replayed + 1) + ": " + what
                + "; the journal is damaged, so the study cannot be resumed" + " (run it again without --resume)");
    }

    private static void hex(StringBuilder sb, double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(Long.toHexString(Double.doubleToRawLongBits(values[i])));
        }
    }

    /** Records a replication computed in this session. */
    public synchronized void record(int cell, Replication r) throws IOException {
        if (out == null) {
            return;
        }
        StringBuilder sb = new StringBuilder(400);
        sb.append(cell)
                .append(',')
                .append(r.index())
                .append(',')
                .append(r.seed())
                .append(',');
        if (r.failed()) {
            sb.append('!')
                    .append(StudyRunner.oneLine(r.error()).replace('\n', ' ').replace('\r', ' '));
        } else {
            hex(sb, r.result().metrics());
            // Each foreign product's figures follow, one group per product after a '|'.
            for (double[] product : r.result().products().values()) {
                sb.append('|');
                hex(sb, product);
            }
        }
        out.write(sb.append('\n').toString());
        recorded++;
        if (++unflushed >= FLUSH_EVERY) {
            flush();
        }
    }

    /** Replications replayed plus recorded in this session. */
    public synchronized long size() {
        return replayed + recorded;
    }

    /** Writes buffered lines to disk. */
    public synchronized void flush() throws IOException {
        if (out != null) {
            out.flush();
            unflushed = 0;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (replay != null) {
            replay.close();
            replay = null;
        }
        if (out != null) {
            out.close();
            out = null;
        }
    }

    /** Closes and deletes the journal (the study finished and its outputs are in place). */
    public synchronized void delete() throws IOException {
        close();
        Files.deleteIfExists(file);
    }

    /** A failure read back from a journal: its one-line description, as first recorded. */
    static final class JournaledFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        JournaledFailure(String line) {
            super(line, null, false, false);
        }
    }
}
