package org.shopcast.cli.forecast;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.shopcast.cli.Json;

/**
 * A self-contained HTML page with one ECharts line chart per series: the last part of the history,
 * the point forecast and the prediction interval as a shaded band (a transparent lower line with
 * the interval width stacked on it). echarts.min.js is inlined from the webjar, as in the analytics
 * report, so the file opens offline.
 */
final class ForecastHtml {
  /** History points shown before the forecast: at most this many, or 4 horizons if longer. */
  static final int HISTORY_SHOWN = 200;

  private ForecastHtml() {}

  /**
   * One chart.
   *
   * @param id the series id
   * @param model the model used
   * @param history the observed values, oldest first
   * @param historyLabels the x labels of the history (times or 1..n)
   * @param futureLabels the x labels of the horizon
   * @param forecast the point forecasts
   * @param lower lower bounds
   * @param upper upper bounds
   * @param level the interval coverage
   */
  record Chart(
      String id,
      String model,
      List<Double> history,
      List<String> historyLabels,
      List<String> futureLabels,
      List<Double> forecast,
      List<Double> lower,
      List<Double> upper,
      double level) {}

  /** The page for {@code charts}. */
  static String page(String title, List<Chart> charts) {
    StringBuilder body = new StringBuilder();
    StringBuilder scripts = new StringBuilder();
    for (int c = 0; c < charts.size(); c++) {
      Chart ch = charts.get(c);
      body.append("<h2>")
          .append(escape(ch.id() + " (" + ch.model() + ")"))
          .append("</h2>\n<div class=\"chart\" id=\"chart")
          .append(c)
          .append("\" style=\"height:380px\"></div>\n");
      scripts
          .append("echarts.init(document.getElementById('chart")
          .append(c)
          .append("')).setOption(")
          .append(json(option(ch)))
          .append(");\n");
    }
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"
        + escape(title)
        + "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
        + ".chart{width:100%}</style>\n<script>\n"
        + echarts()
        + "\n</script>\n</head><body>\n<h1>"
        + escape(title)
        + "</h1>\n"
        + body
        + "<script>\n"
        + scripts
        + "</script>\n</body></html>\n";
  }

  private static Map<String, Object> option(Chart ch) {
    int shown = Math.min(ch.history().size(), Math.max(HISTORY_SHOWN, 4 * ch.forecast().size()));
    int from = ch.history().size() - shown;
    List<String> x = new ArrayList<>(ch.historyLabels().subList(from, ch.history().size()));
    x.addAll(ch.futureLabels());
    List<Double> hist = new ArrayList<>(ch.history().subList(from, ch.history().size()));
    int h = ch.forecast().size();
    List<Double> point = new ArrayList<>();
    List<Double> low = new ArrayList<>();
    List<Double> width = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      point.add(i == shown - 1 ? hist.get(i) : null);
      low.add(null);
      width.add(null);
    }
    for (int i = 0; i < h; i++) {
      hist.add(null);
      point.add(ch.forecast().get(i));
      low.add(ch.lower().get(i));
      width.add(ch.upper().get(i) - ch.lower().get(i));
    }
    String band = Math.round(ch.level() * 100) + "% interval";
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("tooltip", Map.of("trigger", "axis"));
    o.put("legend", Map.of("data", List.of("history", "forecast", band)));
    o.put("xAxis", Map.of("type", "category", "data", x));
    o.put("yAxis", Map.of("type", "value", "scale", true));
    o.put("dataZoom", List.of(Map.of("type", "inside"), Map.of("type", "slider")));
    o.put(
        "series",
        List.of(
            line("history", hist, "#5470c6"),
            line("forecast", point, "#ee6666"),
            Map.of(
                "name",
                "lower",
                "type",
                "line",
                "data",
                low,
                "stack",
                "band",
                "symbol",
                "none",
                "lineStyle",
                Map.of("opacity", 0)),
            Map.of(
                "name",
                band,
                "type",
                "line",
                "data",
                width,
                "stack",
                "band",
                "symbol",
                "none",
                "lineStyle",
                Map.of("opacity", 0),
                "areaStyle",
                Map.of("color", "#ee6666", "opacity", 0.2))));
    return o;
  }

  private static Map<String, Object> line(String name, List<Double> data, String color) {
    return Map.of(
        "name",
        name,
        "type",
        "line",
        "data",
        data,
        "symbol",
        "none",
        "itemStyle",
        Map.of("color", color));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write chart options as JSON", e);
    }
  }

  /** echarts.min.js of the webjar on the class path. */
  static String echarts() {
    Properties properties = new Properties();
    try (InputStream in =
        ForecastHtml.class.getResourceAsStream(
            "/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the echarts webjar is not on the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the echarts webjar version", e);
    }
    String path =
        "/META-INF/resources/webjars/echarts/"
            + properties.getProperty("version")
            + "/dist/echarts.min.js";
    try (InputStream in = ForecastHtml.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path + " in the echarts webjar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("</script", "<\\/script");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }
}
