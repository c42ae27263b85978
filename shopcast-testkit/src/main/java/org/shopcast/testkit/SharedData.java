package org.shopcast.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The larger real datasets in {@code ../shared/data} beside the checkout, read by evaluations and
 * benchmarks. The folder is found from the system property {@code shopcast.shared.data}, the
 * environment variable {@code SHOPCAST_SHARED_DATA}, or by walking up from the working directory to
 * a folder that holds {@code shared/data}.
 */
public final class SharedData {
  private SharedData() {}

  /** The shared data folder, or empty when it is absent on this machine. */
  public static Optional<Path> dir() {
    String given =
        System.getProperty("shopcast.shared.data", System.getenv("SHOPCAST_SHARED_DATA"));
    if (given != null && !given.isBlank()) {
      Path path = Path.of(given);
      return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /**
   * A file under the shared data folder, e.g. {@code file("m4/Hourly-train.csv")}, or empty when
   * the folder or the file is absent (callers skip with a clear message then).
   */
  public static Optional<Path> file(String relative) {
    return dir().map(d -> d.resolve(relative)).filter(Files::isRegularFile);
  }
}
