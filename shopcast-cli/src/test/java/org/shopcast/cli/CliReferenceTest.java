package org.shopcast.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/cli.md is the real {@code --help} output of every command. Regenerate it after changing a
 * command with {@code ./mvnw -pl shopcast-cli -am test -Dtest=CliReferenceTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dshopcast.updateGolden=true}.
 */
class CliReferenceTest {
  private static final Path DOC = Path.of("..", "docs", "cli.md");

  @Test
  void docsCliMd_matchesTheHelpOfEveryCommand() throws Exception {
    CommandLine root =
        Shopcast.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    StringBuilder doc = new StringBuilder();
    doc.append("# CLI reference\n\n");
    doc.append(
        "Generated from the commands' own `--help` by `CliReferenceTest`; do not edit by hand.\n");
    render(root, doc);
    String expected = doc.toString();
    if (Boolean.getBoolean("shopcast.updateGolden")) {
      Files.writeString(DOC, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
        .as("docs/cli.md is stale; regenerate it (see this test's Javadoc)")
        .isEqualTo(expected);
  }

  private static void render(CommandLine command, StringBuilder doc) {
    String name = command.getCommandSpec().qualifiedName();
    doc.append("\n## `").append(name).append("`\n\n```\n");
    doc.append(command.getUsageMessage(CommandLine.Help.Ansi.OFF).stripTrailing());
    doc.append("\n```\n");
    for (CommandLine sub : command.getSubcommands().values()) {
      if (!sub.getCommandSpec().usageMessage().hidden()
          && sub.getCommandSpec().name().equals(sub.getCommandName())) {
        render(sub, doc);
      }
    }
  }
}
