package org.shopcast.cli.predict;

import picocli.CommandLine.Option;

/** The time-to-purchase setting that {@code train} and {@code evaluate} share. */
public final class HazardOptions {
  @Option(
      names = "--periods",
      paramLabel = "K",
      defaultValue = "6",
      description =
          "time-to-purchase: at most K hazard periods over H, each ceil(H/K) days (default:"
              + " ${DEFAULT-VALUE}).")
  int periods;

  /** The number of hazard periods; refuses fewer than one. */
  int periods() {
    if (periods < 1) {
      throw new IllegalArgumentException("--periods must be >= 1, got " + periods);
    }
    return periods;
  }
}
