package org.shopcast.analytics.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.analytics.funnel.FunnelOptions;
import org.shopcast.analytics.funnel.FunnelResult;
import org.shopcast.analytics.funnel.Funnels;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.analytics.kpi.KpiSeries;
import org.shopcast.analytics.kpi.Kpis;
import org.shopcast.analytics.paths.Paths;
import org.shopcast.analytics.paths.PathsResult;
import org.shopcast.analytics.retention.Retention;
import org.shopcast.analytics.retention.RetentionOptions;
import org.shopcast.analytics.retention.RetentionResult;
import org.shopcast.analytics.rfm.Rfm;
import org.shopcast.analytics.rfm.RfmResult;
import org.shopcast.analytics.rules.AssociationRule;
import org.shopcast.analytics.rules.AssociationRules;
import org.shopcast.analytics.rules.Baskets;
import org.shopcast.analytics.rules.RuleOptions;
import org.shopcast.analytics.rules.RuleSet;
import org.shopcast.analytics.rules.StoreBaskets;
import org.shopcast.analytics.segment.SegmentOptions;
import org.shopcast.analytics.segment.SegmentResult;
import org.shopcast.analytics.segment.Segmenter;

/**
 * Writes one self-contained HTML page (ECharts inlined, no network needed) with a section per
 * analysis: KPI lines, funnel bars, a cohort retention heat map, paths and RFM tables and bars,
 * segments, and a table of basket rules.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Runs the analyses on the store behind {@code connection} and writes the page to {@code file}.
   *
   * @return the titles of the sections written
   */
  public static List<String> write(Connection connection, Path file, ReportOptions options) {
    Page page = new Page();
    List<String> sections = new ArrayList<>();
    kpis(
        page,
        Kpis.compute(
            connection, new KpiOptions(options.grain(), options.zone(), KpiOptions.Split.NONE, 1)));
    sections.add("kpis");
    funnel(page, Funnels.compute(connection, new FunnelOptions()));
    sections.add("funnel");
    retention(
        page,
        Retention.compute(connection, new RetentionOptions(false, false, false, options.zone())));
    sections.add("retention");
    paths(page, Paths.compute(connection, 10));
    sections.add("paths");
    RfmResult rfm = Rfm.compute(connection, false);
    rfm(page, rfm);
    sections.add("rfm");
    if (options.segments()) {
      segments(page, Segmenter.segment(connection, new SegmentOptions(2, 6, 42L, 1000)));
      sections.add("segments");
    }
    rules(page, connection, options.minSupport());
    sections.add("rules");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, page.html("Shopcast behaviour report"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write report " + file, e);
    }
    return sections;
  }

  private static void kpis(Page page, KpiSeries series) {
    page.heading("KPIs per " + series.grain(), "Time zone " + series.zone() + ".");
    List<Object> t = column(series.rows(), "t");
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("trigger", "axis"));
    option.put("legend", Map.of());
    option.put("xAxis", Map.of("type", "category", "data", t));
    option.put(
        "yAxis",
        List.of(
            Map.of("type", "log", "name", "count"),
            Map.of("type", "value", "name", "rate", "max", 1)));
    List<Object> lines = new ArrayList<>();
    for (String name : List.of("views", "users", "carts", "orders", "buyers")) {
      lines.add(Map.of("name", name, "type", "line", "data", logSafe(column(series.rows(), name))));
    }
    for (String name : List.of("view_to_purchase", "buyer_share")) {
      lines.add(
          Map.of(
              "name", name, "type", "line", "yAxisIndex", 1, "data", column(series.rows(), name)));
    }
    option.put("series", lines);
    page.chart(option, 360);
    page.end();
  }

  private static void funnel(Page page, FunnelResult funnel) {
    page.heading(
        "Funnel " + String.join(" > ", funnel.steps()),
        "Per " + funnel.unit() + ", within one " + funnel.window() + ".");
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of());
    option.put("xAxis", Map.of("type", "category", "data", column(funnel.rows(), "type")));
    option.put("yAxis", Map.of("type", "log"));
    option.put(
        "series",
        List.of(
            Map.of(
                "type",
                "bar",
                "data",
                logSafe(column(funnel.rows(), "count")),
                "label",
                Map.of("show", true, "position", "top"))));
    page.chart(option, 300);
    page.table(funnel.rows(), 50);
    page.end();
  }

  private static void retention(Page page, RetentionResult retention) {
    page.heading(
        "Retention",
        "Cohorts by "
            + retention.cohortBy()
            + " per "
            + retention.period()
            + "; repeat-purchase rate "
            + Page.cell(retention.repeatPurchaseRate())
            + " of "
            + retention.buyers()
            + " buyers.");
    List<Object> cohorts = new ArrayList<>();
    List<Object> cells = new ArrayList<>();
    int width = 0;
    for (int y = 0; y < retention.cohorts().size(); y++) {
      Map<String, Object> cohort = retention.cohorts().get(y);
      cohorts.add(cohort.get("cohort") + " (" + cohort.get("size") + ")");
      List<?> rates = (List<?>) cohort.get("retention");
      width = Math.max(width, rates.size());
      for (int k = 0; k < rates.size(); k++) {
        cells.add(List.of(k, y, Math.round((Double) rates.get(k) * 1000) / 1000.0));
      }
    }
    List<Object> ks = new ArrayList<>();
    for (int k = 0; k < width; k++) {
      ks.add(k);
    }
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("position", "top"));
    option.put("xAxis", Map.of("type", "category", "data", ks, "name", "k"));
    option.put("yAxis", Map.of("type", "category", "data", cohorts));
    option.put(
        "visualMap",
        Map.of(
            "min",
            0,
            "max",
            1,
            "calculable",
            true,
            "orient",
            "horizontal",
            "left",
            "center",
            "bottom",
            0));
    option.put("grid", Map.of("left", 160, "bottom", 70));
    option.put(
        "series", List.of(Map.of("type", "heatmap", "data", cells, "label", Map.of("show", true))));
    page.chart(option, Math.max(240, 40 + 28 * cohorts.size()));
    page.end();
  }

  private static void paths(Page page, PathsResult paths) {
    page.heading(
        "Paths",
        "Most frequent paths to a session's first purchase, and transitions"
            + " between event types.");
    page.table(paths.toPurchase(), 10);
    page.table(paths.types(), 60);
    page.end();
  }

  private static void rfm(Page page, RfmResult rfm) {
    page.heading(
        "RFM segments",
        rfm.buyers() + " buyers as of " + rfm.asOf() + "; value = " + rfm.valueUnit() + ".");
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of());
    option.put(
        "xAxis",
        Map.of(
            "type",
            "category",
            "data",
            column(rfm.segments(), "segment"),
            "axisLabel",
            Map.of("rotate", 30)));
    option.put("yAxis", Map.of("type", "value"));
    option.put(
        "series",
        List.of(Map.of("type", "bar", "name", "users", "data", column(rfm.segments(), "users"))));
    page.chart(option, 320);
    page.table(rfm.segments(), 20);
    page.end();
  }

  private static void segments(Page page, SegmentResult segments) {
    page.heading(
        "Segments (k-means)",
        "k = "
            + segments.k()
            + " by silhouette "
            + segments.silhouette()
            + ", seed "
            + segments.seed()
            + ".");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> s : segments.segments()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("segment", s.get("segment"));
      row.put("users", s.get("users"));
      row.put("share", s.get("share"));
      row.put("description", s.get("description"));
      rows.add(row);
    }
    page.table(rows, 20);
    page.end();
  }

  private static void rules(Page page, Connection connection, double minSupport) {
    page.heading(
        "Basket rules",
        "FP-growth over order baskets, support >= "
            + minSupport
            + ", confidence >= 0.5; top 20 by lift.");
    Baskets baskets;
    try {
      baskets = StoreBaskets.read(connection, StoreBaskets.By.ORDER, StoreBaskets.Level.ITEM);
    } catch (IllegalArgumentException e) {
      page.paragraph(e.getMessage());
      page.end();
      return;
    }
    RuleSet set = AssociationRules.mine(baskets, RuleOptions.of(minSupport, 0.5).withMinLength(2));
    page.paragraph(
        set.transactions()
            + " baskets, "
            + set.itemsets()
            + " frequent itemsets, "
            + set.rules().size()
            + " rules.");
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AssociationRule rule : set.rules().subList(0, Math.min(20, set.rules().size()))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("antecedent", String.join(", ", rule.antecedent()));
      row.put("consequent", String.join(", ", rule.consequent()));
      row.put("support", rule.support());
      row.put("confidence", rule.confidence());
      row.put("lift", rule.lift());
      rows.add(row);
    }
    page.table(rows, 20);
    page.end();
  }

  private static List<Object> column(List<Map<String, Object>> rows, String name) {
    List<Object> values = new ArrayList<>(rows.size());
    for (Map<String, Object> row : rows) {
      values.add(row.get(name));
    }
    return values;
  }

  /** Zeros become nulls (gaps) on a log axis. */
  private static List<Object> logSafe(List<Object> values) {
    List<Object> out = new ArrayList<>(values.size());
    for (Object v : values) {
      out.add(v instanceof Number n && n.doubleValue() <= 0 ? null : v);
    }
    return out;
  }
}
