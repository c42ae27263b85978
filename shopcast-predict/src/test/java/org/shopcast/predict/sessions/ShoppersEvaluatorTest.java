package org.shopcast.predict.sessions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.error.DataException;
import org.shopcast.testkit.Fixtures;

class ShoppersEvaluatorTest {
  private static final String FIXTURE = "uci-online-shoppers/online_shoppers_every6th.csv";
  private static final String HEADER =
      "Administrative;Administrative_Duration;Informational;Informational_Duration;"
          + "ProductRelated;ProductRelated_Duration;BounceRates;ExitRates;PageValues;SpecialDay;"
          + "Month;OperatingSystems;Browser;Region;TrafficType;VisitorType;Weekend;Revenue";

  @Test
  void read_fixture_countsAndFirstRow() throws IOException {
    Path file = Fixtures.path(FIXTURE);
    ShoppersData data = ShoppersCsv.read(file);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    long positives = lines.stream().skip(1).filter(l -> l.strip().endsWith(";TRUE")).count();
    assertEquals(lines.size() - 1, data.size());
    assertEquals(positives, data.positives());
    // first data line: 0;0;0;0;1;0;0.2;0.2;0;0;Feb;1;1;1;1;Returning_Visitor;FALSE;FALSE
    assertArrayEquals(
        new double[] {0, 0, 0, 0, 1, 0, 0.2, 0.2, 0, 0, 2, 1, 1, 1, 1, 0, 0, 0}, data.rows()[0], 0);
  }

  @Test
  void read_commaYesNoCopy_parsesLikeSemicolonCopy(@TempDir Path dir) throws IOException {
    Path semi = dir.resolve("semi.csv");
    Files.writeString(
        semi, HEADER + "\r\n1;2.5;0;0;3;4;0;0.1;5;0;June;2;3;4;5;New_Visitor;TRUE;TRUE\r\n");
    Path comma = dir.resolve("comma.csv");
    Files.writeString(
        comma,
        HEADER.replace(';', ',') + "\n1,2.5,0,0,3,4,0,0.1,5,0,Jun,2,3,4,5,New_Visitor,YES,YES\n");
    ShoppersData a = ShoppersCsv.read(semi);
    ShoppersData b = ShoppersCsv.read(comma);
    assertArrayEquals(a.rows()[0], b.rows()[0], 0);
    assertTrue(a.labels()[0] && b.labels()[0]);
    assertEquals(6, a.rows()[0][10]);
    assertEquals(1, a.rows()[0][15]);
  }

  @Test
  void read_badNumber_namesFileLineAndField(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        HEADER
            + "\n0;0;0;0;1;0;0.2;0.2;0;0;Feb;1;1;1;1;Returning_Visitor;FALSE;FALSE"
            + "\n0;0;0;0;1;0;x;0.2;0;0;Feb;1;1;1;1;Returning_Visitor;FALSE;FALSE\n");
    DataException e = assertThrows(DataException.class, () -> ShoppersCsv.read(bad));
    assertEquals(3, e.error().line());
    assertEquals("BounceRates", e.error().field());
    assertTrue(e.getMessage().contains("bad.csv"), e.getMessage());
    assertTrue(e.getMessage().contains("x"), e.getMessage());
  }

  @Test
  void read_missingColumnAndMissingFile_fail(@TempDir Path dir) throws IOException {
    Path noRevenue = dir.resolve("norev.csv");
    Files.writeString(noRevenue, HEADER.replace(";Revenue", "") + "\n");
    DataException e = assertThrows(DataException.class, () -> ShoppersCsv.read(noRevenue));
    assertEquals("Revenue", e.error().field());
    assertThrows(DataException.class, () -> ShoppersCsv.read(dir.resolve("absent.csv")));
  }

  @Test
  void split_isStratifiedDisjointAndSeeded() {
    ShoppersData data = ShoppersCsv.read(Fixtures.path(FIXTURE));
    StratifiedSplit split = StratifiedSplit.of(data.labels(), 7);
    Set<Integer> seen = new HashSet<>();
    for (int[] part : List.of(split.train(), split.validation(), split.test())) {
      for (int i : part) {
        assertTrue(seen.add(i), "row " + i + " in two parts");
      }
      double rate = data.subset(part).positives() / (double) part.length;
      assertEquals(data.positives() / (double) data.size(), rate, 0.01);
    }
    assertEquals(data.size(), seen.size());
    assertEquals(Math.round(data.size() * 0.25), split.test().length, 1);
    assertArrayEquals(split.test(), StratifiedSplit.of(data.labels(), 7).test());
    assertNotEquals(
        Arrays.toString(split.test()),
        Arrays.toString(StratifiedSplit.of(data.labels(), 8).test()));
  }

  @Test
  void evaluate_modelsBeatMajority_andMajorityHasAucHalf() {
    ShoppersData data = ShoppersCsv.read(Fixtures.path(FIXTURE));
    List<ShoppersEvaluator.Result> results =
        ShoppersEvaluator.evaluate(data, StratifiedSplit.of(data.labels(), 42));
    assertEquals(4, results.size());
    ShoppersEvaluator.Result majority = find(results, "baseline:majority");
    assertEquals(0.5, majority.auc(), 1e-12);
    for (String model : List.of("logistic", "xgboost", "baseline:page-values")) {
      ShoppersEvaluator.Result r = find(results, model);
      assertTrue(r.auc() > 0.75, model + " AUC " + r.auc());
      assertTrue(r.f1() > majority.f1(), model + " F1 " + r.f1() + " vs " + majority.f1());
    }
    for (int i = 1; i < results.size(); i++) {
      assertTrue(results.get(i - 1).auc() >= results.get(i).auc());
    }
  }

  private static ShoppersEvaluator.Result find(List<ShoppersEvaluator.Result> rs, String name) {
    return rs.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }
}
