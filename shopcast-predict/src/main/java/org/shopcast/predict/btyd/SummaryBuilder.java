package org.shopcast.predict.btyd;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Derives the per-customer summary (x, t_x, T, zbar) from a transaction log of (customer, date,
 * amount) rows, the way the CDNOW summaries of Fader, Hardie &amp; Lee (2005) were made: only
 * transactions on or before the calibration cutoff count; transactions on the same day are merged
 * into one (amounts added); x is the number of distinct purchase days after the first, t_x the time
 * from the first to the last purchase day, T the time from the first purchase day to the cutoff,
 * zbar the mean amount of the repeat purchase days. Customers whose first purchase is after the
 * cutoff are left out. Not thread-safe; rows may arrive in any order.
 */
public final class SummaryBuilder {
  private final Map<String, TreeMap<LocalDate, Double>> days = new LinkedHashMap<>();

  /** Adds one transaction. */
  public SummaryBuilder add(String customer, LocalDate date, double amount) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(date, "date");
    if (!Double.isFinite(amount)) {
      throw new IllegalArgumentException("amount must be finite, got " + amount);
    }
    days.computeIfAbsent(customer, c -> new TreeMap<>()).merge(date, amount, Double::sum);
    return this;
  }

  /**
   * Builds the summary for the calibration period ending on {@code cutoff} (inclusive).
   *
   * @param source label kept as the summary's source
   * @param cutoff last day of the calibration period
   * @param unit unit of t_x and T
   */
  public CustomerSummary build(String source, LocalDate cutoff, SummaryUnit unit) {
    Objects.requireNonNull(cutoff, "cutoff");
    double unitDays = unit.days();
    List<String> ids = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (Map.Entry<String, TreeMap<LocalDate, Double>> entry : days.entrySet()) {
      Map<LocalDate, Double> calibration = entry.getValue().headMap(cutoff, true);
      if (calibration.isEmpty()) {
        continue;
      }
      LocalDate first = entry.getValue().firstKey();
      LocalDate last = first;
      double repeatSpend = 0;
      int x = 0;
      for (Map.Entry<LocalDate, Double> day : calibration.entrySet()) {
        if (day.getKey().isAfter(first)) {
          x++;
          repeatSpend += day.getValue();
          last = day.getKey();
        }
      }
      ids.add(entry.getKey());
      rows.add(
          new double[] {
            x,
            ChronoUnit.DAYS.between(first, last) / unitDays,
            ChronoUnit.DAYS.between(first, cutoff) / unitDays,
            x == 0 ? 0 : repeatSpend / x
          });
    }
    int n = rows.size();
    int[] frequency = new int[n];
    double[] recency = new double[n];
    double[] age = new double[n];
    double[] monetary = new double[n];
    for (int i = 0; i < n; i++) {
      double[] row = rows.get(i);
      frequency[i] = (int) row[0];
      recency[i] = row[1];
      age[i] = row[2];
      monetary[i] = row[3];
    }
    return CustomerSummary.of(source, ids, frequency, recency, age, monetary, null);
  }
}
