package io.gpusim.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (falls back to "development" when run from classes). */
final class Version implements IVersionProvider {
    static String current() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"gpusim " + current()};
    }
}
