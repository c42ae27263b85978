package org.shopcast.cli.importing;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.RowError;
import org.shopcast.data.importer.ImportResult;

/** Renders import results as text or as the JSON object scripts rely on. */
final class ImportReport {
  private ImportReport() {}

  static void printText(PrintWriter out, ImportResult r) {
    out.printf(
        "%s (%s): %s%n  read %,d = accepted %,d + rejected %,d + duplicates %,d%n",
        r.source(), r.format(), r.status(), r.read(), r.accepted(), r.rejected(), r.duplicates());
    if (r.minTs() != null) {
      out.printf("  %,d users, %,d items, %s .. %s%n", r.users(), r.items(), r.minTs(), r.maxTs());
    }
    r.rejectedByCode().forEach((code, n) -> out.printf("  rejected %-22s %,d%n", code, n));
    r.flaggedByCode()
        .forEach(
            (code, n) -> {
              if (n > 0) {
                out.printf("  flagged  %-22s %,d%n", code, n);
              }
            });
    for (RowError error : r.firstErrors()) {
      out.println("  " + error.message());
    }
    if (r.rejected() > r.firstErrors().size()) {
      out.println("  (all rejected rows are in the quarantine table of the workspace)");
    }
    out.flush();
  }

  /** Totals over all files at the top level, and each file's result under {@code files}. */
  static Map<String, Object> summary(List<ImportResult> results) {
    long read = 0;
    long accepted = 0;
    long rejected = 0;
    long duplicates = 0;
    long users = 0;
    long items = 0;
    Instant minTs = null;
    Instant maxTs = null;
    Map<String, Long> byCode = new LinkedHashMap<>();
    for (ImportResult r : results) {
      read += r.read();
      accepted += r.accepted();
      rejected += r.rejected();
      duplicates += r.duplicates();
      users = Math.max(users, r.users());
      items = Math.max(items, r.items());
      r.rejectedByCode().forEach((code, n) -> byCode.merge(code, n, Long::sum));
      if (r.minTs() != null) {
        minTs = minTs == null || r.minTs().isBefore(minTs) ? r.minTs() : minTs;
        maxTs = maxTs == null || r.maxTs().isAfter(maxTs) ? r.maxTs() : maxTs;
      }
    }
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("status", results.stream().anyMatch(ImportResult::refused) ? "refused" : "imported");
    json.put("read", read);
    json.put("accepted", accepted);
    json.put("rejected", rejected);
    json.put("duplicates", duplicates);
    json.put("rejectedByCode", byCode);
    json.put("minTs", minTs);
    json.put("maxTs", maxTs);
    json.put("users", users);
    json.put("items", items);
    json.put("files", results);
    return json;
  }
}
