package org.shopcast.analytics.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Builds the HTML text of the report: sections, tables, and charts as ECharts options. */
final class Page {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final StringBuilder body = new StringBuilder();
  private final StringBuilder scripts = new StringBuilder();
  private int charts;

  void heading(String title, String text) {
    body.append("<section><h2>").append(escape(title)).append("</h2>\n");
    if (text != null) {
      body.append("<p>").append(escape(text)).append("</p>\n");
    }
  }

  void end() {
    body.append("</section>\n");
  }

  void paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
  }

  /** A chart from an ECharts option object (maps and lists). */
  void chart(Map<String, Object> option, int height) {
    String id = "chart" + charts++;
    body.append("<div class=\"chart\" id=\"")
        .append(id)
        .append("\" style=\"height:")
        .append(height)
        .append("px\"></div>\n");
    scripts
        .append("echarts.init(document.getElementById('")
        .append(id)
        .append("')).setOption(")
        .append(json(option))
        .append(");\n");
  }

  /** A table of rows (all with the keys of the first), at most {@code limit} rows. */
  void table(List<? extends Map<String, ?>> rows, int limit) {
    if (rows.isEmpty()) {
      body.append("<p><em>no rows</em></p>\n");
      return;
    }
    body.append("<table><tr>");
    for (String column : rows.get(0).keySet()) {
      body.append("<th>").append(escape(column)).append("</th>");
    }
    body.append("</tr>\n");
    for (Map<String, ?> row : rows.subList(0, Math.min(limit, rows.size()))) {
      body.append("<tr>");
      for (Object value : row.values()) {
        body.append("<td>").append(escape(cell(value))).append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table>\n");
  }

  /** The whole page, with echarts.min.js from the webjar inlined. */
  String html(String title) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>"
        + escape(title)
        + "</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
        + ".chart{width:100%}table{border-collapse:collapse;font-size:13px}"
        + "td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}"
        + "th{background:#f3f3f3}</style>\n<script>\n"
        + echarts()
        + "\n</script>\n</head><body>\n<h1>"
        + escape(title)
        + "</h1>\n"
        + body
        + "<script>\n"
        + scripts
        + "</script>\n</body></html>\n";
  }

  static String cell(Object value) {
    if (value instanceof Double d) {
      return String.format(java.util.Locale.ROOT, Math.abs(d) >= 1000 ? "%.1f" : "%.4f", d);
    }
    return value == null ? "" : value.toString();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write chart options as JSON", e);
    }
  }

  /** The version of the echarts webjar on the class path. */
  static String echartsVersion() {
    Properties properties = new Properties();
    try (InputStream in =
        Page.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
      if (in == null) {
        throw new IllegalStateException("the echarts webjar is not on the class path");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the echarts webjar version", e);
    }
    return properties.getProperty("version");
  }

  private static String echarts() {
    String path =
        "/META-INF/resources/webjars/echarts/" + echartsVersion() + "/dist/echarts.min.js";
    try (InputStream in = Page.class.getResourceAsStream(path)) {
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
