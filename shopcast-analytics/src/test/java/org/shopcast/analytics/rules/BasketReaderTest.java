package org.shopcast.analytics.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.testkit.Fixtures;

class BasketReaderTest {
  @TempDir Path dir;

  @BeforeAll
  static void createTmpDir() throws IOException {
    // Surefire points java.io.tmpdir at target/tmp (parent pom), which may not exist yet.
    Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Test
  void read_groceriesMatchesArulesCounts() {
    Baskets baskets = BasketReader.read(Fixtures.path("groceries/groceries.csv"));
    assertThat(baskets.size()).isEqualTo(9835);
    assertThat(baskets.itemCount()).isEqualTo(169);
    long occurrences = 0;
    int milk = baskets.itemId("whole milk").orElseThrow();
    int withMilk = 0;
    for (int i = 0; i < baskets.size(); i++) {
      int[] basket = baskets.basket(i);
      occurrences += basket.length;
      for (int id : basket) {
        withMilk += id == milk ? 1 : 0;
      }
    }
    assertThat(occurrences).isEqualTo(43_367);
    assertThat(withMilk).isEqualTo(2513);
  }

  @Test
  void read_collapsesDuplicatesTrimsAndSkipsBlankLines() throws IOException {
    Path file = write("\uFEFFa, b ,a\r\n\r\n   \nc\n");
    Baskets baskets = BasketReader.read(file);
    assertThat(baskets.size()).isEqualTo(2);
    assertThat(baskets.basket(0)).containsExactly(0, 1);
    assertThat(baskets.itemName(0)).isEqualTo("a");
    assertThat(baskets.itemName(1)).isEqualTo("b");
    assertThat(baskets.basket(1)).containsExactly(2);
  }

  @Test
  void read_rejectsEmptyItemWithFileAndLine() throws IOException {
    Path file = write("a,b\nc,,d\n");
    assertThatThrownBy(() -> BasketReader.read(file))
        .isInstanceOf(DataException.class)
        .hasMessage(
            file
                + ":2: [MissingField] field 'item': expected a non-empty item name at position 2,"
                + " got 'c,,d'");
  }

  @Test
  void read_rejectsTrailingCommaAndQuotes() throws IOException {
    Path trailing = write("a,b,\n");
    assertThatThrownBy(() -> BasketReader.read(trailing))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(":1: [MissingField]")
        .hasMessageContaining("position 3");
    Path quoted = write("a\n\"b,c\",d\n");
    assertThatThrownBy(() -> BasketReader.read(quoted))
        .isInstanceOf(DataException.class)
        .hasMessageContaining(":2: [MalformedRow]")
        .hasMessageContaining("without quotes");
  }

  @Test
  void read_rejectsMissingEmptyAndBinaryFiles() throws IOException {
    Path missing = dir.resolve("missing.csv");
    assertThatThrownBy(() -> BasketReader.read(missing))
        .isInstanceOfSatisfying(
            DataException.class,
            e -> assertThat(e.error().code()).isEqualTo(ErrorCode.FileNotFound));
    Path empty = write("\n\n");
    assertThatThrownBy(() -> BasketReader.read(empty))
        .isInstanceOfSatisfying(
            DataException.class, e -> assertThat(e.error().code()).isEqualTo(ErrorCode.EmptyFile));
    Path binary = dir.resolve("binary.csv");
    Files.write(binary, new byte[] {'a', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
    assertThatThrownBy(() -> BasketReader.read(binary))
        .isInstanceOfSatisfying(
            DataException.class, e -> assertThat(e.error().code()).isEqualTo(ErrorCode.NotText));
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(dir, "baskets", ".csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
