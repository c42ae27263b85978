package org.shopcast.analytics.kpi;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shopcast.analytics.internal.Sql;

/**
 * Computes KPI series from the store's events in DuckDB SQL.
 *
 * <p>Per bucket: views, carts and favourites count events; users counts distinct users with any
 * event; orders counts distinct order ids among purchases (a purchase without an order id counts
 * its session as the order); buyers counts distinct purchasing users; items_sold sums purchase
 * quantities; revenue sums quantity × price (0 where prices are absent). Conversion rates are user
 * shares within the bucket: view_to_cart = users who viewed and carted / users who viewed,
 * cart_to_purchase = users who carted and bought / users who carted, view_to_purchase = users who
 * viewed and bought / users who viewed, buyer_share = buyers / users; aov = revenue / orders. Every
 * bucket between the first and last event appears, with zeros where nothing happened.
 *
 * <p>One scan of the events aggregates per bucket, group and user (event counts by type, purchased
 * units and revenue); every figure but orders is summed from those rows, and orders come from a
 * second scan restricted to purchases, so the store's events are grouped once, not once per figure.
 */
public final class Kpis {
  private Kpis() {}

  /** The KPI series of the store behind {@code connection}. */
  public static KpiSeries compute(Connection connection, KpiOptions options) {
    String part = options.grain().sqlPart();
    String local = Sql.local("ts", options.zone());
    String group =
        switch (options.split()) {
          case NONE -> "'all'";
          case CATEGORY -> "coalesce(category_id, '(none)')";
          case CHANNEL -> "coalesce(channel, '(none)')";
        };
    String sql =
        """
        WITH u AS (
          SELECT date_trunc('%1$s', %2$s) AS t, %3$s AS g, user_id, count(*) AS n,
            count(*) FILTER (WHERE type = 'VIEW') AS nv,
            count(*) FILTER (WHERE type = 'CART_ADD') AS nc,
            count(*) FILTER (WHERE type = 'FAVORITE') AS nf,
            count(*) FILTER (WHERE type = 'PURCHASE') AS np,
            sum(quantity) FILTER (WHERE type = 'PURCHASE') AS q,
            sum(quantity * price) FILTER (WHERE type = 'PURCHASE') AS rev
          FROM events GROUP BY ALL),
        groups AS (
          SELECT g FROM u GROUP BY g ORDER BY sum(n) DESC, g LIMIT %4$d),
        agg AS (
          SELECT t, g, sum(nv) AS views, sum(nc) AS carts, sum(nf) AS favourites,
            coalesce(sum(q), 0) AS items_sold, coalesce(sum(rev), 0) AS revenue,
            count(*) AS users, count(*) FILTER (WHERE np > 0) AS buyers,
            count(*) FILTER (WHERE nv > 0) AS viewers, count(*) FILTER (WHERE nc > 0) AS carters,
            count(*) FILTER (WHERE nv > 0 AND nc > 0) AS view_cart,
            count(*) FILTER (WHERE nc > 0 AND np > 0) AS cart_buy,
            count(*) FILTER (WHERE nv > 0 AND np > 0) AS view_buy
          FROM u GROUP BY t, g),
        o AS (
          SELECT date_trunc('%1$s', %2$s) AS t, %3$s AS g,
            count(DISTINCT coalesce(order_id, 's:' || session_id)) AS orders
          FROM events WHERE type = 'PURCHASE' GROUP BY ALL),
        grid AS (
          SELECT unnest(generate_series(min(t), max(t), INTERVAL 1 %5$s)) AS t FROM agg)
        SELECT strftime(grid.t, '%%Y-%%m-%%dT%%H:%%M:%%S') AS t, groups.g AS g,
          coalesce(views, 0) AS views, coalesce(users, 0) AS users, coalesce(carts, 0) AS carts,
          coalesce(favourites, 0) AS favourites, coalesce(orders, 0) AS orders,
          coalesce(buyers, 0) AS buyers, coalesce(items_sold, 0) AS items_sold,
          coalesce(revenue, 0)::DOUBLE AS revenue,
          coalesce(view_cart / nullif(viewers, 0), 0)::DOUBLE AS view_to_cart,
          coalesce(cart_buy / nullif(carters, 0), 0)::DOUBLE AS cart_to_purchase,
          coalesce(view_buy / nullif(viewers, 0), 0)::DOUBLE AS view_to_purchase,
          coalesce(buyers / nullif(users, 0), 0)::DOUBLE AS buyer_share,
          coalesce(revenue / nullif(orders, 0), 0)::DOUBLE AS aov
        FROM grid CROSS JOIN groups
        LEFT JOIN agg ON agg.t = grid.t AND agg.g = groups.g
        LEFT JOIN o ON o.t = grid.t AND o.g = groups.g
        ORDER BY groups.g, grid.t
        """
            .formatted(
                part,
                local,
                group,
                options.split() == KpiOptions.Split.NONE ? 1 : options.topGroups(),
                part.toUpperCase(Locale.ROOT));
    List<Map<String, Object>> rows = Sql.rows(connection, sql);
    String by = options.split().name().toLowerCase(Locale.ROOT);
    for (Map<String, Object> row : rows) {
      LocalDateTime local0 = LocalDateTime.parse((String) row.get("t"));
      row.put("t", local0.atZone(options.zone()).toOffsetDateTime().toString());
      Object g = row.remove("g");
      if (options.split() != KpiOptions.Split.NONE) {
        // keep the group right after t
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        copy.put("t", row.get("t"));
        copy.put(by, g);
        row.forEach(copy::putIfAbsent);
        row.clear();
        row.putAll(copy);
      }
    }
    return new KpiSeries(options.grain().sqlPart(), options.zone().getId(), by, rows);
  }
}
