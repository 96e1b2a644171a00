package io.gpusim.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (falls back to "development" when run from classes). */
final class Version implements IVersionProvider {
    static String current() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
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
            Process p = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
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
