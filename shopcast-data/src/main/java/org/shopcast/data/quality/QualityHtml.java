package org.shopcast.data.quality;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The report as one self-contained HTML page: the score, ECharts charts (events per day stacked by
 * type, events by type, quarantined rows by code) and the checks table. echarts.min.js is inlined
 * from the {@code org.webjars.npm:echarts} webjar, so the page works offline.
 */
public final class QualityHtml {
  private static final String WEBJAR = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private QualityHtml() {}

  /** The page. */
  public static String render(QualityReport report) {
    StringBuilder html = new StringBuilder(1_100_000);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n");
    html.append("<title>Shopcast data quality</title>\n<style>\n");
    html.append("body{font-family:sans-serif;margin:1.5em;color:#222}")
        .append(".chart{width:100%;height:360px}")
        .append("table{border-collapse:collapse;font-size:14px}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}")
        .append(".pass{background:#e6f4ea}.warn{background:#fff4d6}.fail{background:#fde2e1}")
        .append("\n</style>\n<script>\n")
        .append(echarts().replace("</script", "<\\/script"))
        .append("\n</script>\n</head><body>\n");
    html.append("<h1>Data quality</h1>\n<p id=\"summary\">")
        .append(
            escape(
                String.format(
                    Locale.ROOT,
                    "Score %.3f. %,d events, %,d users, %,d items",
                    report.score(),
                    report.events(),
                    report.users(),
                    report.items())));
    if (report.minTs() != null) {
      html.append(escape(", from " + report.minTs() + " to " + report.maxTs()));
    }
    html.append(". Generated ")
        .append(escape(String.valueOf(report.generatedAt())))
        .append(".</p>\n");
    html.append("<h2>Events per day and type</h2><div id=\"byDay\" class=\"chart\"></div>\n");
    html.append("<h2>Events by type</h2><div id=\"byType\" class=\"chart\"></div>\n");
    html.append("<h2>Quarantined rows by code</h2><div id=\"quarantine\" class=\"chart\"></div>\n");
    html.append("<h2>Checks</h2>\n<table id=\"checks\"><tr><th>status</th><th>check</th>")
        .append("<th>value</th><th>weight</th><th>detail</th></tr>\n");
    for (QualityCheck c : report.checks()) {
      html.append("<tr class=\"")
          .append(c.status().label())
          .append("\"><td>")
          .append(c.status().label())
          .append("</td><td>")
          .append(escape(c.name()))
          .append("</td><td>")
          .append(escape(QualityText.value(c)))
          .append("</td><td>")
          .append(c.weight())
          .append("</td><td>")
          .append(escape(c.detail()))
          .append("</td></tr>\n");
    }
    html.append("</table>\n<script id=\"report-data\" type=\"application/json\">")
        .append(QualityJson.compact(report).replace("</", "<\\/"))
        .append("</script>\n<script>\n")
        .append(CHARTS)
        .append("</script>\n</body></html>\n");
    return html.toString();
  }

  private static final String CHARTS =
      """
      const report = JSON.parse(document.getElementById('report-data').textContent);
      const days = report.volumeByDay.map(d => d.day);
      const types = Object.keys(report.byType);
      echarts.init(document.getElementById('byDay')).setOption({
        tooltip: {trigger: 'axis'}, legend: {data: types},
        xAxis: {type: 'category', data: days}, yAxis: {type: 'value'},
        series: types.map(t => ({name: t, type: 'bar', stack: 'events',
          data: report.volumeByDay.map(d => d.byType[t] || 0)}))
          .concat([{name: 'abnormal day', type: 'scatter', symbolSize: 12,
            data: report.volumeByDay.map(d => d.abnormal ? d.events : null)}])
      });
      echarts.init(document.getElementById('byType')).setOption({
        tooltip: {}, xAxis: {type: 'category', data: types}, yAxis: {type: 'value'},
        series: [{type: 'bar', data: types.map(t => report.byType[t])}]
      });
      const codes = Object.keys(report.quarantineByCode);
      echarts.init(document.getElementById('quarantine')).setOption({
        tooltip: {}, xAxis: {type: 'category', data: codes}, yAxis: {type: 'value'},
        series: [{type: 'bar', data: codes.map(c => report.quarantineByCode[c])}]
      });
      """;

  /** The webjar's echarts.min.js. */
  static String echarts() {
    ClassLoader loader = QualityHtml.class.getClassLoader();
    try (InputStream props = loader.getResourceAsStream(WEBJAR)) {
      if (props == null) {
        throw new IllegalStateException(
            "the echarts webjar is not on the class path (" + WEBJAR + ")");
      }
      Properties p = new Properties();
      p.load(props);
      String path =
          "META-INF/resources/webjars/echarts/" + p.getProperty("version") + "/dist/echarts.min.js";
      try (InputStream js = loader.getResourceAsStream(path)) {
        if (js == null) {
          throw new IllegalStateException("the echarts webjar has no " + path);
        }
        return new String(js.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read echarts.min.js from the webjar", e);
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
