package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBConnection;
import org.shopcast.core.event.Event;
import org.shopcast.core.event.EventType;
import org.shopcast.data.store.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The importer's data flags for the events the server takes in, recorded under the serving's import
 * id. {@code ReturnWithoutPurchase} (a RETURN with no earlier PURCHASE of the item by the user) is
 * written in the commit's transaction for the RETURN events it adds; {@code BotLikeRate} (a user
 * whose peak events per minute is at least {@value #BOT_MIN_PEAK_PER_MINUTE} and more than {@value
 * #BOT_FENCE_MADS} robust deviations, 1.4826 x MAD, above the median user's peak) is computed over
 * the serving's events by a background check every {@code every} and once more at close; each user
 * is flagged once per serving. The peaks are counted in memory as commits land ({@link BotRates}),
 * so the check reads no events: it used to group the serving's whole events table by user and
 * minute, a scan that took both cores for a moment each minute and stalled reads. The rules and
 * thresholds are the file importer's (docs/event-schema.md).
 */
public final class ServingFlags implements EventWriter.TransactionHook, AutoCloseable {
  /** The importer's least peak events per minute of a bot-like user. */
  static final int BOT_MIN_PEAK_PER_MINUTE = 30;

  /** The importer's fence above the median peak, in robust standard deviations. */
  static final double BOT_FENCE_MADS = 10;

  private static final Logger LOG = LoggerFactory.getLogger(ServingFlags.class);

  private final long importId;
  private final Connection connection;
  private final Duration every;
  private final Object lock = new Object();
  private final BotRates rates = new BotRates();

  /** Users flagged BotLikeRate by this serving; guarded by {@link #lock}. */
  private final Set<String> flagged = new HashSet<>();

  /** The events of the commit in flight, counted once it is durable (writer thread only). */
  private List<Event> pending;

  private final Thread thread;
  private volatile boolean running = true;

  /**
   * Starts the background bot check.
   *
   * @param store the served store
   * @param importId the serving's import id ({@link EventWriter#importId()})
   * @param every how often users are checked for a bot-like rate
   */
  public ServingFlags(EventStore store, long importId, Duration every) {
    this.importId = importId;
    this.every = every;
    try {
      this.connection = store.connection().unwrap(DuckDBConnection.class).duplicate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open the flags connection: " + e.getMessage(), e);
    }
    this.thread = new Thread(this::run, "shopcast-flags");
    thread.setDaemon(true);
    thread.start();
  }

  /** Flags the transaction's RETURN events that follow no purchase of their item by the user. */
  @Override
  public void inTransaction(Connection writer, List<Event> added) throws SQLException {
    counted(added);
    List<Event> returns = new ArrayList<>();
    for (Event event : added) {
      if (event.type() == EventType.RETURN) {
        returns.add(event);
      }
    }
    if (returns.isEmpty()) {
      return;
    }
    // the same rule as the importer's; the transaction's own purchases are visible here
    try (PreparedStatement purchased =
            writer.prepareStatement(
                "SELECT 1 FROM events WHERE type = 'PURCHASE' AND user_id = ? AND ts <="
                    + " make_timestamp(?) AND (CAST(? AS VARCHAR) IS NULL OR item_id = ?) LIMIT 1");
        PreparedStatement flag =
            writer.prepareStatement(
                "INSERT INTO event_flags VALUES (?, 'ReturnWithoutPurchase', " + importId + ")")) {
      for (Event r : returns) {
        purchased.setString(1, r.userId());
        purchased.setLong(2, r.ts().getEpochSecond() * 1_000_000L + r.ts().getNano() / 1000);
        purchased.setString(3, r.itemId());
        purchased.setString(4, r.itemId());
        boolean bought;
        try (ResultSet rs = purchased.executeQuery()) {
          bought = rs.next();
        }
        if (!bought) {
          flag.setString(1, r.eventId());
          flag.executeUpdate();
        }
      }
    }
  }

  /** Counts the events of a commit that is about to be made durable (on the writer thread). */
  private void counted(List<Event> added) {
    pending = added;
  }

  @Override
  public void committed() {
    List<Event> added = pending;
    pending = null;
    if (added != null) {
      rates.add(added);
    }
  }

  /**
   * Flags the serving's users with a bot-like peak rate not yet flagged by this serving, from the
   * peaks counted in memory ({@link BotRates}; no scan of the store).
   *
   * @return users newly flagged
   */
  public long flagBots() throws SQLException {
    synchronized (lock) {
      Map<String, Integer> bots = rates.botLike(BOT_MIN_PEAK_PER_MINUTE, BOT_FENCE_MADS);
      bots.keySet().removeAll(flagged);
      if (bots.isEmpty()) {
        return 0;
      }
      connection.setAutoCommit(false);
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO user_flags VALUES (?, 'BotLikeRate', ?, " + importId + ")")) {
        for (Map.Entry<String, Integer> bot : bots.entrySet()) {
          ps.setString(1, bot.getKey());
          ps.setLong(2, bot.getValue());
          ps.executeUpdate();
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      flagged.addAll(bots.keySet());
      return bots.size();
    }
  }

  private void run() {
    while (running) {
      synchronized (this) {
        try {
          wait(every.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (!running) {
        return;
      }
      try {
        long n = flagBots();
        if (n > 0) {
          LOG.info("flagged {} users BotLikeRate", n);
        }
      } catch (SQLException | RuntimeException e) {
        LOG.warn("bot check failed: {}", e.getMessage());
      }
    }
  }

  /** Stops the background check and checks once more (call after the writer has drained). */
  @Override
  public void close() {
    running = false;
    synchronized (this) {
      notifyAll();
    }
    try {
      thread.join(5000);
      flagBots();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (SQLException e) {
      LOG.warn("final bot check failed: {}", e.getMessage());
    } finally {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.warn("cannot close the flags connection: {}", e.getMessage());
      }
    }
  }
}
