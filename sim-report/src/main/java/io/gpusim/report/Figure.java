package io.gpusim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A chart as a list of drawing operations, rendered the same way to PNG (Java2D) and to SVG, where every label is a
 * {@code <text>} element: the SVG can be searched, copied from and checked by tests, and nothing is drawn as an
 * outline. Coordinates are pixels from the top left. Text is measured with the same font the PNG uses.
 */
final class Figure {
    /** Where a text's x coordinate lies on it. */
    enum Anchor {
        START,
        MIDDLE,
        END
    }

    private sealed interface Op permits Rect, Line, Poly, Text {}

    private record Rect(double x, double y, double w, double h, Color fill, Color stroke) implements Op {}

    private record Line(double[] xs, double[] ys, Color color, float width, float[] dash) implements Op {}

    private record Poly(double[] xs, double[] ys, Color fill) implements Op {}

    private record Text(
            String s, double x, double y, int size, boolean bold, Anchor anchor, Color color, boolean vertical)
            implements Op {}

    private static final String FONT = "SansSerif";
    private static final BufferedImage MEASURE = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    private final int width;
    private final int height;
    private final List<Op> ops = new ArrayList<>();

    Figure(int width, int height) {
        this.width = width;
        this.height = height;
        rect(0, 0, width, height, Color.WHITE, null);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    void rect(double x, double y, double w, double h, Color fill, Color stroke) {
        ops.add(new Rect(x, y, w, h, fill, stroke));
    }

    void line(double x1, double y1, double x2, double y2, Color color, float width, float[] dash) {
        ops.add(new Line(new double[] {x1, x2}, new double[] {y1, y2}, color, width, dash));
    }

    void polyline(double[] xs, double[] ys, Color color, float width, float[] dash) {
        ops.add(new Line(xs.clone(), ys.clone(), color, width, dash));
    }

    void polygon(double[] xs, double[] ys, Color fill) {
        ops.add(new Poly(xs.clone(), ys.clone(), fill));
    }

    /** Text with its baseline at {@code y}; {@code vertical} turns it to read upwards, anchored at (x, y). */
    void text(String s, double x, double y, int size, boolean bold, Anchor anchor, Color color, boolean vertical) {
        ops.add(new Text(s, x, y, size, bold, anchor, color, vertical));
    }

    void text(String s, double x, double y, int size, Anchor anchor) {
        text(s, x, y, size, false, anchor, Color.DARK_GRAY, false);
    }

    /** The width in pixels of a text in the figure's font. */
    static double textWidth(String s, int size, boolean bold) {
        Graphics2D g = MEASURE.createGraphics();
        try {
            FontMetrics fm = g.getFontMetrics(font(size, bold));
            return fm.getStringBounds(s, g).getWidth();
        } finally {
            g.dispose();
        }
    }

    /** The longest prefix of {@code s} (cut at a space) that fits {@code width}, and the rest, for wrapping. */
    static List<String> wrap(String s, double width, int size, boolean bold) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (line.length() > 0 && textWidth(candidate, size, bold) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static Font font(int size, boolean bold) {
        return new Font(FONT, bold ? Font.BOLD : Font.PLAIN, size);
    }

    // ---- PNG ----------------------------------------------------------------------------------------------------

    void writePng(Path file) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (Op op : ops) {
                paint(g, op);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static void paint(Graphics2D g, Op op) {
        if (op instanceof Rect r) {
            Rectangle2D shape = new Rectangle2D.Double(r.x(), r.y(), r.w(), r.h());
            if (r.fill() != null) {
                g.setColor(r.fill());
                g.fill(shape);
            }
            if (r.stroke() != null) {
                g.setColor(r.stroke());
                g.setStroke(new BasicStroke(1f));
                g.draw(shape);
            }
        } else if (op instanceof Line l) {
            g.setColor(l.color());
            g.setStroke(
                    l.dash() == null
                            ? new BasicStroke(l.width())
                            : new BasicStroke(
                                    l.width(), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, l.dash(), 0));
            if (l.xs().length == 2) {
                g.draw(new Line2D.Double(l.xs()[0], l.ys()[0], l.xs()[1], l.ys()[1]));
            } else {
                g.draw(path(l.xs(), l.ys(), false));
            }
        } else if (op instanceof Poly p) {
            g.setColor(p.fill());
            g.fill(path(p.xs(), p.ys(), true));
        } else if (op instanceof Text t) {
            Font f = font(t.size(), t.bold());
            g.setFont(f);
            g.setColor(t.color());
            double w = g.getFontMetrics().getStringBounds(t.s(), g).getWidth();
            double shift = t.anchor() == Anchor.START ? 0 : t.anchor() == Anchor.MIDDLE ? -w / 2 : -w;
            AffineTransform saved = g.getTransform();
            g.translate(t.x(), t.y());
            if (t.vertical()) {
                g.rotate(-Math.PI / 2);
            }
            g.drawString(t.s(), (float) shift, 0f);
            g.setTransform(saved);
        }
    }

    private static Path2D path(double[] xs, double[] ys, boolean close) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < xs.length; i++) {
            if (i == 0) {
                p.moveTo(xs[i], ys[i]);
            } else {
                p.lineTo(xs[i], ys[i]);
            }
        }
        if (close) {
            p.closePath();
        }
        return p;
    }

    // ---- SVG ----------------------------------------------------------------------------------------------------

    String svg() {
        StringBuilder sb = new StringBuilder();
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"sans-serif\">\n");
        for (Op op : ops) {
            svg(sb, op);
        }
        return sb.append("</svg>\n").toString();
    }

    void writeSvg(Path file) throws IOException {
        Files.writeString(file, svg(), StandardCharsets.UTF_8);
    }

    private static void svg(StringBuilder sb, Op op) {
        if (op instanceof Rect r) {
            sb.append(String.format(
                    Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" %s%s/>%n",
                    r.x(),
                    r.y(),
                    r.w(),
                    r.h(),
                    fill(r.fill()),
                    r.stroke() == null ? "" : " " + stroke(r.stroke(), 1f, null)));
        } else if (op instanceof Line l) {
            sb.append(String.format(
                    Locale.ROOT,
                    "<polyline points=\"%s\" fill=\"none\" %s/>%n",
                    points(l.xs(), l.ys()),
                    stroke(l.color(), l.width(), l.dash())));
        } else if (op instanceof Poly p) {
            sb.append(String.format(
                    Locale.ROOT, "<polygon points=\"%s\" %s/>%n", points(p.xs(), p.ys()), fill(p.fill())));
        } else if (op instanceof Text t) {
            sb.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\"%s text-anchor=\"%s\" fill=\"%s\"%s>%s</text>%n",
                    t.x(),
                    t.y(),
                    t.size(),
                    t.bold() ? " font-weight=\"bold\"" : "",
                    t.anchor() == Anchor.START ? "start" : t.anchor() == Anchor.MIDDLE ? "middle" : "end",
                    rgb(t.color()),
                    t.vertical()
                            ? String.format(Locale.ROOT, " transform=\"rotate(-90 %.1f %.1f)\"", t.x(), t.y())
                            : "",
                    escape(t.s())));
        }
    }

    private static String points(double[] xs, double[] ys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%.1f,%.1f", xs[i], ys[i]));
        }
        return sb.toString();
    }

    private static String fill(Color c) {
        if (c == null) {
            return "fill=\"none\"";
        }
        return "fill=\"" + rgb(c) + "\""
                + (c.getAlpha() < 255
                        ? String.format(Locale.ROOT, " fill-opacity=\"%.3f\"", c.getAlpha() / 255.0)
                        : "");
    }

    private static String stroke(Color c, float width, float[] dash) {
        StringBuilder sb = new StringBuilder("stroke=\"").append(rgb(c)).append('"');
        if (c.getAlpha() < 255) {
            sb.append(String.format(Locale.ROOT, " stroke-opacity=\"%.3f\"", c.getAlpha() / 255.0));
        }
        sb.append(String.format(Locale.ROOT, " stroke-width=\"%.1f\"", width));
        if (dash != null) {
            sb.append(" stroke-dasharray=\"");
            for (int i = 0; i < dash.length; i++) {
                sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.1f", dash[i]));
            }
            sb.append('"');
        }
        return sb.toString();
    }

    private static String rgb(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
