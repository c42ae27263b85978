package org.shopcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Prediction at scale: BG/NBD fitting and XGBoost training on N generated customers (default
 * 1,000,000), Shopcast against the Python peer in the same run, each side in its own process so
 * wall time, CPU time and peak resident memory are measured alike ({@link ChildRun}, GNU time).
 *
 * <p>The customers follow the BG/NBD story (Fader, Hardie &amp; Lee 2005) with the parameters
 * published for CDNOW (r 0.2426, alpha 4.4137, a 0.7930, b 2.4262): ages uniform in 27..39 weeks,
 * Poisson repeat purchases at a gamma(r, alpha) rate, dropout with a beta(a, b) probability after
 * each purchase, continued 13 weeks past the age for a holdout. Files written to {@code
 * shopcast-bench/target/predict-scale/}: {@code summary.csv} (x, t_x, T) for BG/NBD, and {@code
 * train.csv} / {@code valid.csv} (80/20; features x, t_x, T, T - t_x, x / T; label: a purchase in
 * the 13-week holdout, i.e. the {@code purchase} task; its complement is {@code churn}) for XGBoost
 * (eta 0.05, depth 4, at most ROUNDS rounds, early stopping 30, seed 42, one thread on both sides).
 * The peer is {@code shopcast-bench/src/main/python/predict_peer.py bgnbd|xgb-scale} (scipy
 * Nelder-Mead on the same log-likelihood; xgboost 1.7 {@code XGBClassifier}, Debian packages).
 *
 * <pre>
 * ./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -pl shopcast-bench -am
 * java -cp "$(cat shopcast-bench/target/bench.cp):shopcast-bench/target/classes" \
 *     org.shopcast.bench.PredictScale [customers] [rounds] [seed]
 * </pre>
 */
public final class PredictScale {
  private static final Path PEER = Path.of("shopcast-bench/src/main/python/predict_peer.py");
  private static final Path WORK = Path.of("shopcast-bench/target/predict-scale");
  private static final double R = 0.2426;
  private static final double ALPHA = 4.4137;
  private static final double A = 0.7930;
  private static final double B = 2.4262;
  private static final double HOLDOUT_WEEKS = 13;

  private PredictScale() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 100;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    System.out.printf(
        Locale.ROOT,
        "%s, %d cores, load average %.1f; %,d customers, %d rounds, seed %d%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        customers,
        rounds,
        seed);
    if (!Files.isRegularFile(PEER)) {
      throw new IllegalStateException(PEER + " not found: run from the checkout root");
    }
    Files.createDirectories(WORK);
    long start = System.nanoTime();
    int positives = simulate(customers, seed);
    System.out.printf(
        Locale.ROOT,
        "simulated and wrote in %.1f s; %.1f%% buy in the holdout%n%n",
        (System.nanoTime() - start) / 1e9,
        100.0 * positives / customers);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("java.class.path");
    String worker = PredictScaleWorker.class.getName();
    String summary = WORK.resolve("summary.csv").toString();
    List<String[]> table = new ArrayList<>();
    table.add(run("BG/NBD fit", List.of(java, "-Xmx2g", "-cp", cp, worker, "bgnbd", summary)));
    table.add(run("BG/NBD fit", List.of("/usr/bin/python3", PEER.toString(), "bgnbd", summary)));
    String dir = WORK.toString();
    String n = Integer.toString(rounds);
    table.add(run("XGBoost", List.of(java, "-Xmx2g", "-cp", cp, worker, "xgb", dir, n)));
    table.add(run("XGBoost", List.of("/usr/bin/python3", PEER.toString(), "xgb-scale", dir, n)));
    System.out.println();
    System.out.println("| task | side | fit s | process wall s | CPU s | peak RSS MiB | result |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String[] row : table) {
      System.out.println("| " + String.join(" | ", row) + " |");
    }
  }

  private static String[] run(String task, List<String> command) throws Exception {
    ChildRun child = ChildRun.run(command, WORK.resolve("tmp"));
    JsonNode json = null;
    for (String line : child.stdout().split("\n")) {
      if (line.startsWith("{")) {
        json = new ObjectMapper().readTree(line);
      }
    }
    if (json == null) {
      throw new IllegalStateException("no result from " + command.get(0) + ": " + child.stdout());
    }
    String result =
        json.has("logLikelihood")
            ? String.format(
                Locale.ROOT,
                "r %.4f alpha %.4f a %.4f b %.4f LL %.1f",
                json.get("r").asDouble(),
                json.get("alpha").asDouble(),
                json.get("a").asDouble(),
                json.get("b").asDouble(),
                json.get("logLikelihood").asDouble())
            : String.format(
                Locale.ROOT,
                "validation AUC %.4f, %d trees",
                json.get("validAuc").asDouble(),
                json.get("trees").asInt());
    String[] row = {
      task,
      json.get("name").asText(),
      String.format(Locale.ROOT, "%.2f", json.get("fitSeconds").asDouble()),
      String.format(Locale.ROOT, "%.1f", child.wallSeconds()),
      String.format(Locale.ROOT, "%.1f", child.cpuSeconds()),
      String.format(Locale.ROOT, "%.0f", child.peakRssMb()),
      result
    };
    System.out.println(String.join("  ", row));
    return row;
  }

  /** Writes the files; returns how many customers buy in the holdout. */
  private static int simulate(int customers, long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    int trainRows = (int) Math.round(customers * 0.8);
    int positives = 0;
    try (BufferedWriter summary = writer("summary.csv");
        BufferedWriter train = writer("train.csv");
        BufferedWriter valid = writer("valid.csv")) {
      summary.write("x,t_x,T\n");
      String header = "x,t_x,T,gap,rate,label\n";
      train.write(header);
      valid.write(header);
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < customers; i++) {
        double age = 27 + 12 * random.nextDouble();
        double rate = gamma(random, R) / ALPHA;
        double g = gamma(random, A);
        double dropout = g / (g + gamma(random, B));
        double now = 0;
        int x = 0;
        double last = 0;
        boolean holdout = false;
        while (true) {
          now += -Math.log(1 - random.nextDouble()) / rate;
          if (now > age + HOLDOUT_WEEKS) {
            break;
          }
          if (now > age) {
            holdout = true;
            break;
          }
          x++;
          last = now;
          if (random.nextDouble() < dropout) {
            break;
          }
        }
        positives += holdout ? 1 : 0;
        line.setLength(0);
        line.append(x).append(',').append(last).append(',').append(age).append('\n');
        summary.write(line.toString());
        line.setLength(0);
        line.append(x)
            .append(',')
            .append(last)
            .append(',')
            .append(age)
            .append(',')
            .append(age - last)
            .append(',')
            .append(x / age)
            .append(',')
            .append(holdout ? '1' : '0')
            .append('\n');
        (i < trainRows ? train : valid).write(line.toString());
      }
    }
    return positives;
  }

  private static BufferedWriter writer(String name) throws IOException {
    return Files.newBufferedWriter(WORK.resolve(name), StandardCharsets.UTF_8);
  }

  /** Gamma(shape, 1) by Marsaglia &amp; Tsang (2000), with the shape &lt; 1 boost. */
  private static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal(random);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
