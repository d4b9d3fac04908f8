package dev.quiver.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code quiver --version}: the version Maven put into the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"quiver " + (v != null ? v : "development build")};
    }
}
