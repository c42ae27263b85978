package org.shopcast.analytics.rules.sequence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Reads the sequences PrefixSpan mines from the event store. */
public final class StoreSequences {
  private static final String ITEM_SEPARATOR = "\u001f";
  private static final String ELEMENT_SEPARATOR = "\u001e";

  /** What a sequence holds. */
  public enum Of {
    /** The event types of a session, in time order (consecutive repeats collapsed). */
    TYPES,
    /** The categories of a session's events, in time order (consecutive repeats collapsed). */
    CATEGORIES,
    /** A user's orders in time order, each order the set of categories it bought. */
    ORDERS
  }

  private StoreSequences() {}

  /**
   * Reads one sequence per session ({@link Of#TYPES}, {@link Of#CATEGORIES}) or per buyer ({@link
   * Of#ORDERS}); events are ordered by time, then event id, so ties are deterministic.
   *
   * @throws IllegalArgumentException when the store holds no such sequence
   */
  public static SequenceDatabase read(Connection connection, Of of) {
    Objects.requireNonNull(of, "of");
    String sql =
        switch (of) {
          case TYPES -> symbolsSql("type", "session_id IS NOT NULL");
          case CATEGORIES ->
              symbolsSql("category_id", "session_id IS NOT NULL AND category_id IS NOT NULL");
          case ORDERS ->
              "WITH o AS (SELECT user_id, coalesce(order_id, 's:' || session_id) AS k,"
                  + " min(ts) AS t, string_agg(DISTINCT category_id, '"
                  + ITEM_SEPARATOR
                  + "') AS cats FROM events WHERE type = 'PURCHASE' AND category_id IS NOT NULL"
                  + " GROUP BY ALL) SELECT string_agg(cats, '"
                  + ELEMENT_SEPARATOR
                  + "' ORDER BY t, k) FROM o GROUP BY user_id ORDER BY user_id";
        };
    List<List<List<String>>> sequences = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        List<List<String>> sequence = new ArrayList<>();
        for (String element : rs.getString(1).split(ELEMENT_SEPARATOR, -1)) {
          sequence.add(Arrays.asList(element.split(ITEM_SEPARATOR, -1)));
        }
        sequences.add(of == Of.ORDERS ? sequence : collapseRepeats(sequence));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read sequences from the store: " + e.getMessage(), e);
    }
    if (sequences.isEmpty()) {
      throw new IllegalArgumentException(
          "the store holds no sequences of "
              + of.name().toLowerCase(Locale.ROOT)
              + (of == Of.TYPES ? "" : " (events with a category id are needed)")
              + "; import events first");
    }
    return SequenceDatabase.ofItemsets(sequences);
  }

  private static String symbolsSql(String column, String filter) {
    return "SELECT string_agg("
        + column
        + ", '"
        + ELEMENT_SEPARATOR
        + "' ORDER BY ts, event_id) FROM events WHERE "
        + filter
        + " GROUP BY session_id ORDER BY session_id";
  }

  private static List<List<String>> collapseRepeats(List<List<String>> sequence) {
    List<List<String>> out = new ArrayList<>(sequence.size());
    for (List<String> element : sequence) {
      if (out.isEmpty() || !out.get(out.size() - 1).equals(element)) {
        out.add(element);
      }
    }
    return out;
  }
}
