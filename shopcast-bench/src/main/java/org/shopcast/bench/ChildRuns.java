package org.shopcast.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link ChildRun} for benchmarks in sub-packages: runs a peer that prints one JSON line and
 * returns its measurement as JSON.
 */
public final class ChildRuns {
  private ChildRuns() {}

  /**
   * Runs {@code command} and returns {@code {wallSeconds, cpuSeconds, peakRssMb, result}} where
   * result is the JSON the command printed last.
   *
   * @throws IOException when the command cannot start or its output is not JSON
   * @throws InterruptedException when interrupted while waiting
   */
  public static ObjectNode measure(ObjectMapper mapper, List<String> command, Path workDir)
      throws IOException, InterruptedException {
    ChildRun run = ChildRun.run(command, workDir);
    ObjectNode node = mapper.createObjectNode();
    node.put("wallSeconds", run.wallSeconds());
    node.put("cpuSeconds", run.cpuSeconds());
    node.put("peakRssMb", run.peakRssMb());
    List<String> lines = run.stdout().strip().lines().toList();
    node.set("result", mapper.readTree(lines.isEmpty() ? "{}" : lines.get(lines.size() - 1)));
    return node;
  }

  /** The 1, 5 and 15-minute load averages from {@code /proc/loadavg} ("?" when unreadable). */
  public static String loadAverage() {
    try {
      String[] f =
          Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
