package org.shopcast.forecast.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.error.DataException;
import org.shopcast.testkit.Fixtures;

class SeriesCsvTest {
  @TempDir Path dir;

  @Test
  void m4_readsRowsInFileOrderAndDropsPadding() {
    List<NamedSeries> s =
        SeriesCsv.read(Fixtures.path("m4/Weekly-test-head5.csv"), SeriesCsv.Layout.M4);
    assertThat(s).extracting(NamedSeries::id).containsExactly("W1", "W2", "W3", "W4", "W5");
    assertThat(s.get(0).values()).hasSize(13);
    List<NamedSeries> h =
        SeriesCsv.read(Fixtures.path("m4/Hourly-train-head5.csv"), SeriesCsv.Layout.M4);
    assertThat(h.get(0).values()).hasSize(700).startsWith(605, 586);
  }

  @Test
  void wideAndLong_giveTheSameSeries() throws IOException {
    Path wide = Files.writeString(dir.resolve("w.csv"), "day,a,b\n1,1,10\n2,2,\n3,3,30\n");
    Path lng =
        Files.writeString(dir.resolve("l.csv"), "id,day,value\na,1,1\nb,1,10\na,2,2\nb,2,\n");
    assertThat(SeriesCsv.read(wide, SeriesCsv.Layout.WIDE).get(1).values())
        .containsExactly(10, Double.NaN, 30);
    assertThat(SeriesCsv.read(lng, SeriesCsv.Layout.LONG))
        .extracting(NamedSeries::id)
        .containsExactly("a", "b");
  }

  @Test
  void badNumber_namesFileLineAndField() throws IOException {
    Path wide = Files.writeString(dir.resolve("bad.csv"), "day,a\n1,1\n2,x\n");
    assertThatThrownBy(() -> SeriesCsv.read(wide, SeriesCsv.Layout.WIDE))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("bad.csv:3: [BadNumber] field 'a': expected a number");
  }
}
