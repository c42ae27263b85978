package org.shopcast.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ErrorCodeDocsTest {
  private static final Path DOCS = Path.of("..", "docs", "errors");

  @Test
  void everyErrorCode_hasADocPageListedInTheIndex() throws Exception {
    String index = Files.readString(DOCS.resolve("README.md"));
    for (ErrorCode code : ErrorCode.values()) {
      Path page = DOCS.resolve(code.name() + ".md");
      assertThat(page).as("docs page of %s", code).exists();
      assertThat(Files.readString(page)).startsWith("# " + code.name() + "\n");
      assertThat(index).contains("[" + code.name() + "](" + code.name() + ".md)");
    }
  }
}
