package org.shopcast.data.importer;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.RowError;

/**
 * What one import did; {@code read = accepted + rejected + duplicates} always holds.
 *
 * @param importId the import's id in the store (also for a refused import)
 * @param source the file imported
 * @param format the format name
 * @param status {@code imported} or {@code refused}
 * @param read rows (or events, for sources with several events per row) read
 * @param accepted events added to the store (zero when refused)
 * @param rejected rows sent to the quarantine
 * @param duplicates rows already in the store or repeated within the file
 * @param rejectedByCode rejected rows by error code
 * @param flaggedByCode flags raised (events or users) by flag code
 * @param minTs earliest accepted event time, null when none
 * @param maxTs latest accepted event time, null when none
 * @param users distinct users among accepted events
 * @param items distinct items among accepted events
 * @param firstErrors the first few rejections, in file order
 * @param message why the import was refused, null when it was not
 * @param timings wall-clock milliseconds of the import's steps (stage, checks, plan, quarantine,
 *     land, sides, flags, commit), for profiling; not part of the stable contract
 */
public record ImportResult(
    long importId,
    String source,
    String format,
    String status,
    long read,
    long accepted,
    long rejected,
    long duplicates,
    Map<String, Long> rejectedByCode,
    Map<String, Long> flaggedByCode,
    Instant minTs,
    Instant maxTs,
    long users,
    long items,
    List<RowError> firstErrors,
    String message,
    Map<String, Long> timings) {

  /** Status of an import that landed. */
  public static final String IMPORTED = "imported";

  /** Status of an import that was refused as a whole. */
  public static final String REFUSED = "refused";

  /** Checks the counts add up and copies the collections. */
  public ImportResult {
    if (read != accepted + rejected + duplicates && !REFUSED.equals(status)) {
      throw new IllegalStateException(
          "read must equal accepted + rejected + duplicates, got "
              + read
              + " != "
              + accepted
              + " + "
              + rejected
              + " + "
              + duplicates);
    }
    rejectedByCode = Collections.unmodifiableMap(new LinkedHashMap<>(rejectedByCode));
    flaggedByCode = Collections.unmodifiableMap(new LinkedHashMap<>(flaggedByCode));
    firstErrors = List.copyOf(firstErrors);
    timings = Collections.unmodifiableMap(new LinkedHashMap<>(timings));
  }

  /** Whether the import was refused (nothing added to the store). */
  public boolean refused() {
    return REFUSED.equals(status);
  }
}
