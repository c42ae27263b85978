package org.shopcast.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one peer as a child process and measures it: wall time, CPU time (user + system) and peak
 * resident memory, from GNU {@code /usr/bin/time} when present, else wall time and the peak {@code
 * VmHWM} polled from {@code /proc}.
 *
 * @param wallSeconds elapsed time
 * @param cpuSeconds user + system time of the process and its threads, -1 when unknown
 * @param peakRssMb peak resident memory in MiB
 * @param exitCode the process's exit code
 * @param stdout what it printed on stdout
 */
record ChildRun(
    double wallSeconds, double cpuSeconds, double peakRssMb, int exitCode, String stdout) {
  private static final Path GNU_TIME = Path.of("/usr/bin/time");

  /** Runs {@code command} to the end, with {@code workDir} for scratch files. */
  static ChildRun run(List<String> command, Path workDir) throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Path out = Files.createTempFile(workDir, "stdout", ".txt");
    Path err = Files.createTempFile(workDir, "stderr", ".txt");
    Path stats = Files.createTempFile(workDir, "time", ".txt");
    boolean gnuTime = Files.isExecutable(GNU_TIME);
    List<String> full = new ArrayList<>();
    if (gnuTime) {
      full.addAll(List.of(GNU_TIME.toString(), "-f", "%e %U %S %M", "-o", stats.toString()));
    }
    full.addAll(command);
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    long peakKb = 0;
    while (!process.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (!gnuTime) {
        peakKb = Math.max(peakKb, vmHwmKb(process.pid()));
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = -1;
    if (gnuTime) {
      String[] f = Files.readString(stats, StandardCharsets.UTF_8).trim().split("\\s+");
      String[] last = f.length >= 4 ? java.util.Arrays.copyOfRange(f, f.length - 4, f.length) : f;
      wall = Double.parseDouble(last[0]);
      cpu = Double.parseDouble(last[1]) + Double.parseDouble(last[2]);
      peakKb = Long.parseLong(last[3]);
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IllegalStateException(
          String.format(
              Locale.ROOT,
              "%s exited with %d: %s",
              String.join(" ", command),
              process.exitValue(),
              Files.readString(err, StandardCharsets.UTF_8).trim()));
    }
    Files.deleteIfExists(out);
    Files.deleteIfExists(err);
    Files.deleteIfExists(stats);
    return new ChildRun(wall, cpu, peakKb / 1024.0, process.exitValue(), stdout);
  }

  private static long vmHwmKb(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return 0;
  }
}
