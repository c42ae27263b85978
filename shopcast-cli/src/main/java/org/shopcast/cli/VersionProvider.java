package org.shopcast.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, falling back to "development". */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = RootCommand.class.getPackage().getImplementationVersion();
    return new String[] {"shopcast " + (version == null ? "development" : version)};
  }
}
