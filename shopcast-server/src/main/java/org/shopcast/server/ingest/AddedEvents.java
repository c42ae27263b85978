package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.shopcast.core.event.Event;

/** The events a commit adds, as {@link EventWriter.TransactionHook}s see them. */
final class AddedEvents {
  private AddedEvents() {}

  /**
   * The events of {@code requests} that {@link IngestSql#land} found new (table {@code
   * ingest_fresh}, keyed by the staging order), with the ids and sessions it assigned.
   */
  static List<Event> read(Connection connection, List<List<Event>> requests) throws SQLException {
    List<Event> staged = new ArrayList<>();
    requests.forEach(staged::addAll);
    List<Event> out = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery("SELECT ord, event_id, session_id FROM ingest_fresh ORDER BY ord")) {
      while (rs.next()) {
        Event e = staged.get((int) rs.getLong(1) - 1);
        out.add(
            new Event(
                rs.getString(2),
                e.userId(),
                e.ts(),
                e.type(),
                e.itemId(),
                e.categoryId(),
                rs.getString(3),
                e.orderId(),
                e.quantity(),
                e.price(),
                e.query(),
                e.channel(),
                e.properties()));
      }
    }
    return out;
  }
}
