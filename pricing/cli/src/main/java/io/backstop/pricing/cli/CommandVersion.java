package io.backstop.pricing.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version the jar was built as, and the Java it runs on. */
public final class CommandVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = CommandVersion.class.getPackage().getImplementationVersion();
        return new String[] {"backstop " + (version == null ? "(built from source, unpackaged)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
