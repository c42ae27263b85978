package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.analytics.funnel.FunnelOptions;
import org.shopcast.analytics.funnel.Funnels;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.analytics.kpi.Kpis;
import org.shopcast.analytics.rfm.Rfm;
import org.shopcast.analytics.rfm.RfmResult;
import org.shopcast.data.store.EventStore;

/** The analytics part of {@code shopcast demo}: daily KPIs, the funnel and RFM segments. */
public final class AnalyticsDemo {
  private AnalyticsDemo() {}

  /** Prints short KPI, funnel and RFM tables of {@code store} (days in China time). */
  public static void print(PrintWriter out, EventStore store) {
    out.println();
    out.println("== KPIs per day, Asia/Shanghai (shopcast analyze kpis --tz Asia/Shanghai)");
    List<Map<String, Object>> kpis = new ArrayList<>();
    for (Map<String, Object> row :
        Kpis.compute(
                store.connection(),
                new KpiOptions(
                    KpiOptions.Grain.DAY, ZoneId.of("Asia/Shanghai"), KpiOptions.Split.NONE, 1))
            .rows()) {
      kpis.add(pick(row, "t", "views", "users", "carts", "orders", "buyers", "view_to_purchase"));
    }
    TextTable.print(out, kpis);
    out.println();
    out.println("== Funnel per user within a session (shopcast analyze funnel)");
    List<Map<String, Object>> funnel = new ArrayList<>();
    for (Map<String, Object> row :
        Funnels.compute(store.connection(), new FunnelOptions()).rows()) {
      funnel.add(pick(row, "step", "type", "count", "conversion", "dropped", "median_seconds"));
    }
    TextTable.print(out, funnel);
    out.println();
    RfmResult rfm = Rfm.compute(store.connection(), false);
    out.printf("== RFM segments of %,d buyers (shopcast analyze rfm)%n", rfm.buyers());
    List<Map<String, Object>> segments = new ArrayList<>();
    for (Map<String, Object> row : rfm.segments()) {
      if ((Long) row.get("users") > 0) {
        segments.add(pick(row, "segment", "users", "share", "value"));
      }
    }
    TextTable.print(out, segments);
  }

  private static Map<String, Object> pick(Map<String, Object> row, String... columns) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String column : columns) {
      out.put(column, row.get(column));
    }
    return out;
  }
}
