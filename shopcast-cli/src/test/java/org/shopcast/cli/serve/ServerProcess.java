package org.shopcast.cli.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code shopcast serve --port 0 --json} in a child JVM; reads the URL it announces. */
final class ServerProcess implements AutoCloseable {
  final Process process;
  final JsonNode announced;

  ServerProcess(Path workspace, Map<String, String> env) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.shopcast.cli.Shopcast");
    command.add("--workspace");
    command.add(workspace.toString());
    command.add("serve");
    command.add("--port");
    command.add("0");
    command.add("--json");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("SHOPCAST_WRITE_KEY");
    builder.environment().remove("SHOPCAST_READ_KEY");
    builder.environment().remove("SHOPCAST_ADMIN_KEY");
    builder.environment().putAll(env);
    process = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> first =
        CompletableFuture.supplyAsync(
            () -> {
              StringBuilder text = new StringBuilder();
              try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                  text.append(line).append('\n');
                  if (line.equals("}")) {
                    break;
                  }
                }
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              return text.toString();
            });
    announced = new ObjectMapper().readTree(first.get(90, TimeUnit.SECONDS));
  }

  String url() {
    return announced.get("url").asText();
  }

  /** SIGTERM and wait: the server drains and releases the workspace. */
  int stop() throws InterruptedException {
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
    return process.exitValue();
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(60, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
