package org.shopcast.recommend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.testkit.Fixtures;

class SessionReaderTest {
  @TempDir Path dir;

  @Test
  void readYoochoose_fixtureCut_matchesAwkCounts() throws IOException {
    Path file = Fixtures.path("yoochoose/yoochoose-clicks-100k_train_full_quarter.txt");
    List<Click> clicks = SessionReader.read(file, SessionFormat.YOOCHOOSE);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(clicks).hasSize(lines.size() - 1);
    Click first = clicks.get(0);
    String[] f = lines.get(1).split("\t");
    assertThat(first.sessionId()).isEqualTo(f[0]);
    assertThat(first.itemId()).isEqualTo(f[1]);
    assertThat(first.timeMillis()).isEqualTo(Math.round(Double.parseDouble(f[2]) * 1000));
    assertThat(first.line()).isEqualTo(2);
  }

  @Test
  void readDiginetica_timeIsDatePlusTimeframe_andNaIsAnonymous() throws IOException {
    Path file =
        write(
            "d.csv",
            "session_id;user_id;item_id;timeframe;eventdate\n"
                + "1;NA;81766;526309;2016-05-09\n"
                + "1;7;31331;1031018;2016-05-09\n");
    List<Click> clicks = SessionReader.read(file, SessionFormat.DIGINETICA);
    assertThat(clicks.get(0).userId()).isNull();
    assertThat(clicks.get(1).userId()).isEqualTo("7");
    // 2016-05-09T00:00Z = 1462752000 s
    assertThat(clicks.get(0).timeMillis()).isEqualTo(1_462_752_000_000L + 526_309L);
  }

  @Test
  void readDiginetica_fixture_sessionsAreTimeOrdered() {
    List<Click> clicks =
        SessionReader.read(
            Fixtures.path("diginetica/sample_train-item-views_half.csv"), SessionFormat.DIGINETICA);
    SessionDataset data = SessionDataset.train(clicks);
    assertThat(data.clicks()).isEqualTo(clicks.size());
    for (Session s : data.sessions()) {
      for (int i = 1; i < s.size(); i++) {
        assertThat(s.time(i)).isGreaterThanOrEqualTo(s.time(i - 1));
      }
    }
  }

  @Test
  void badTime_namesFileLineAndField() throws IOException {
    Path file = write("y.txt", "SessionId\tItemId\tTime\n1\t5\t1396437466.9\n1\t6\tsoon\n");
    assertThatThrownBy(() -> SessionReader.read(file, SessionFormat.YOOCHOOSE))
        .isInstanceOf(DataException.class)
        .hasMessage(
            "y.txt:3: [BadTimestamp] field 'Time': expected Unix seconds such as 1396437466.94,"
                + " got 'soon'");
  }

  @Test
  void wrongFieldCount_isMalformedRow() throws IOException {
    Path file = write("y.txt", "SessionId\tItemId\tTime\n1\t5\n");
    assertThatThrownBy(() -> SessionReader.read(file, SessionFormat.YOOCHOOSE))
        .isInstanceOfSatisfying(
            DataException.class,
            e -> {
              assertThat(e.error().code()).isEqualTo(ErrorCode.MalformedRow);
              assertThat(e.error().line()).isEqualTo(2);
            });
  }

  @Test
  void wrongHeader_namesTheExpectedHeader() throws IOException {
    Path file = write("d.csv", "SessionId\tItemId\tTime\n1\t5\t1\n");
    assertThatThrownBy(() -> SessionReader.read(file, SessionFormat.DIGINETICA))
        .hasMessageContaining("d.csv:1: [MalformedRow]")
        .hasMessageContaining("session_id;user_id;item_id;timeframe;eventdate");
  }

  @Test
  void emptyItem_isMissingField() throws IOException {
    Path file =
        write("d.csv", "session_id;user_id;item_id;timeframe;eventdate\n1;NA;;5;2016-01-01\n");
    assertThatThrownBy(() -> SessionReader.read(file, SessionFormat.DIGINETICA))
        .hasMessage("d.csv:2: [MissingField] field 'item_id': expected a value, got ''");
  }

  @Test
  void badDate_isBadTimestamp() throws IOException {
    Path file =
        write("d.csv", "session_id;user_id;item_id;timeframe;eventdate\n1;NA;4;5;2016-13-01\n");
    assertThatThrownBy(() -> SessionReader.read(file, SessionFormat.DIGINETICA))
        .hasMessageContaining("d.csv:2: [BadTimestamp] field 'eventdate'");
  }

  @Test
  void headerOnly_isEmptyFile_andMissingFile_isFileNotFound() throws IOException {
    Path file = write("y.txt", "SessionId\tItemId\tTime\n");
    assertThatThrownBy(() -> SessionReader.read(file, SessionFormat.YOOCHOOSE))
        .hasMessageContaining("[EmptyFile]");
    assertThatThrownBy(() -> SessionReader.read(dir.resolve("nope.txt"), SessionFormat.YOOCHOOSE))
        .hasMessageContaining("[FileNotFound]");
  }

  @Test
  void testSet_dropsUnknownItemsAndShortSessions() {
    SessionDataset train =
        SessionDataset.train(List.of(click("a", "x", 1), click("a", "y", 2), click("b", "y", 3)));
    SessionDataset test =
        SessionDataset.test(
            List.of(
                click("c", "x", 10),
                click("c", "new", 11),
                click("c", "y", 12),
                click("d", "x", 13),
                click("d", "new", 14)),
            train.items(),
            2);
    assertThat(test.sessions()).hasSize(1);
    assertThat(test.sessions().get(0).items()).containsExactly(0, 1);
    assertThat(test.droppedClicks()).isEqualTo(3);
  }

  @Test
  void lastDaysSplit_keepsWholeSessionsOnOneSide() {
    long day = 86_400_000L;
    List<Click> clicks =
        List.of(
            click("old", "x", 0),
            click("spans", "x", 5 * day),
            click("spans", "y", 9 * day),
            click("new", "y", 10 * day));
    SessionSplit split = SessionSplit.lastDays(clicks, 2);
    assertThat(split.train()).extracting(Click::sessionId).containsExactly("old");
    assertThat(split.test()).extracting(Click::sessionId).containsExactly("spans", "spans", "new");
  }

  private static Click click(String session, String item, long time) {
    return new Click(session, null, item, time, org.shopcast.core.event.EventType.VIEW, 0);
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
