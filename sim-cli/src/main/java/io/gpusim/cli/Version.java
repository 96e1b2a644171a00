package io.gpusim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The release version, from {@code gpusim-version.properties}, which the build fills in with the POM's version
 * (so the shaded jar and the classes in tests say the same); "development" if that file is missing or unfilled.
 */
final class Version implements IVersionProvider {
    private static final String CURRENT = load();

    static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/gpusim-version.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version", "").trim();
                if (!v.isEmpty() && !v.startsWith("${")) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "development";
    }

    /**
     * The git commit the program was built from: the {@code gpusim.commit} system property (set by the launcher
     * script), else {@code git rev-parse HEAD} in the working directory, else "unknown".
     */
    static String commit() {
        String prop = System.getProperty("gpusim.commit");
        if (prop != null && !prop.isBlank()) {
            return prop;
        }
        try {
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && out.matches("[0-9a-f]{40}") ? out : "unknown";
        } catch (java.io.IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"gpusim " + current()};
    }
}
