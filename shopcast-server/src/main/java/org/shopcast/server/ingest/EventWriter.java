package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.UserTraits;
import org.shopcast.data.store.EventStore;

/**
 * The single writer of a served workspace. Requests queue their events; one thread takes every
 * request waiting (up to {@link #MAX_GROUP_EVENTS} events), commits them in one DuckDB transaction
 * (deduplicated by event id against the store and each other, sessions continued or started by the
 * inactivity gap) and only then completes each request's future. Grouping turns many small requests
 * into few large transactions, which is what DuckDB writes fast.
 */
public final class EventWriter implements AutoCloseable {
  /** Most events committed in one transaction. */
  public static final int MAX_GROUP_EVENTS = 50_000;

  private final EventStore store;
  private final BlockingQueue<Pending> queue;
  private final Clock clock;
  private final Sessions sessions;
  private final Listener listener;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final Thread thread;
  private final long importId;

  /** Hears what each committed group did, e.g. for metrics. */
  public interface Listener {
    /** A group of {@code requests} committed {@code accepted} new events in {@code nanos}. */
    void committed(int requests, int accepted, int duplicates, long nanos);
  }

  /**
   * Work in each commit's transaction once its events are written (trigger matches, data flags),
   * then after the commit.
   */
  public interface TransactionHook {
    /**
     * Runs in the transaction on the writer's connection; {@code added} are the events it adds (new
     * to the store, ids and sessions assigned, in request order). A failure rolls the commit back.
     */
    void inTransaction(Connection connection, List<Event> added) throws SQLException;

    /** The transaction committed. */
    default void committed() {}
  }

  private volatile TransactionHook transactionHook;

  /** Sets the hook run in every later commit's transaction (null for none). */
  public void setTransactionHook(TransactionHook hook) {
    this.transactionHook = hook;
  }

  private record Pending(
      List<Event> events, List<UserTraits> traits, CompletableFuture<IngestResult> done) {}

  /**
   * Starts the writer thread.
   *
   * @param store the store, whose connection this writer now owns
   * @param queueCapacity requests that may wait; more are refused (HTTP 429)
   * @param sessionGap inactivity that starts a new session
   * @param clock stamps the import record
   * @param listener hears each commit
   */
  public EventWriter(
      EventStore store, int queueCapacity, Duration sessionGap, Clock clock, Listener listener) {
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, got " + queueCapacity);
    }
    this.store = store;
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.clock = clock;
    this.listener = listener;
    this.sessions = new Sessions(store.connection(), sessionGap);
    try {
      this.importId = IngestSql.begin(store.connection(), clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare ingestion tables: " + e.getMessage(), e);
    }
    this.thread = new Thread(this::run, "shopcast-writer");
    thread.start();
  }

  /**
   * Queues events and user traits for the next commit.
   *
   * @return a future completed once they are committed, or null when the queue is full or the
   *     writer is closing
   */
  public CompletableFuture<IngestResult> submit(List<Event> events, List<UserTraits> traits) {
    if (closing.get()) {
      return null;
    }
    CompletableFuture<IngestResult> done = new CompletableFuture<>();
    return queue.offer(new Pending(List.copyOf(events), List.copyOf(traits), done)) ? done : null;
  }

  /** Requests waiting to be committed. */
  public int queueDepth() {
    return queue.size();
  }

  /** The import id the served events are recorded under. */
  public long importId() {
    return importId;
  }

  /** Whether the writer still accepts requests. */
  public boolean isOpen() {
    return !closing.get() && thread.isAlive();
  }

  private void run() {
    List<Pending> group = new ArrayList<>();
    while (true) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (closing.get()) {
            return;
          }
          continue;
        }
        group.clear();
        group.add(first);
        int events = first.events().size();
        Pending next;
        while (events < MAX_GROUP_EVENTS && (next = queue.poll()) != null) {
          group.add(next);
          events += next.events().size();
        }
        commit(group);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void commit(List<Pending> group) {
    long started = System.nanoTime();
    Connection connection = store.connection();
    try {
      List<List<Event>> requests = new ArrayList<>(group.size());
      List<UserTraits> traits = new ArrayList<>();
      for (Pending pending : group) {
        requests.add(pending.events());
        traits.addAll(pending.traits());
      }
      Map<Event, String> sessionOf = sessions.assign(requests);
      IngestSql.stage(connection, requests, sessionOf);
      int[] accepted;
      connection.setAutoCommit(false);
      try {
        accepted = IngestSql.land(connection, importId, group.size(), traits, clock.instant());
        TransactionHook h = transactionHook;
        if (h != null) {
          h.inTransaction(connection, AddedEvents.read(connection, requests));
        }
        connection.commit();
        if (h != null) {
          h.committed();
        }
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        sessions.forget();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      int totalAccepted = 0;
      int totalDuplicates = 0;
      for (int i = 0; i < group.size(); i++) {
        int size = group.get(i).events().size();
        totalAccepted += accepted[i];
        totalDuplicates += size - accepted[i];
        group.get(i).done().complete(new IngestResult(accepted[i], size - accepted[i]));
      }
      listener.committed(group.size(), totalAccepted, totalDuplicates, System.nanoTime() - started);
    } catch (SQLException | RuntimeException e) {
      for (Pending pending : group) {
        pending.done().completeExceptionally(e);
      }
    }
  }

  /**
   * Stops taking requests, commits every queued one and stops the thread (waiting up to {@code
   * timeout}).
   */
  public void close(Duration timeout) {
    closing.set(true);
    try {
      thread.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      IngestSql.finish(store.connection(), importId, clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("cannot record the end of serving: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  /** The last event time and session of users, continued across requests. */
  static final class Sessions {
    private static final int MAX_USERS = 200_000;

    private final Connection connection;
    private final long gapMillis;
    private final Map<String, long[]> lastTs = new HashMap<>();
    private final Map<String, String> lastSession = new HashMap<>();

    Sessions(Connection connection, Duration gap) {
      this.connection = connection;
      this.gapMillis = gap.toMillis();
    }

    void forget() {
      lastTs.clear();
      lastSession.clear();
    }

    /** The session of each event without one, continuing the user's last session. */
    Map<Event, String> assign(List<List<Event>> requests) throws SQLException {
      List<Event> all = new ArrayList<>();
      requests.forEach(all::addAll);
      all.sort(java.util.Comparator.comparing(Event::userId).thenComparing(Event::ts));
      if (lastTs.size() > MAX_USERS) {
        forget();
      }
      loadMissing(all);
      Map<Event, String> out = new java.util.IdentityHashMap<>();
      for (Event event : all) {
        long ts = event.ts().toEpochMilli();
        long[] last = lastTs.get(event.userId());
        String session = event.sessionId();
        if (session == null) {
          boolean continues = last != null && Math.abs(ts - last[0]) <= gapMillis;
          session = continues ? lastSession.get(event.userId()) : event.userId() + ":" + ts;
        }
        out.put(event, session);
        if (last == null || ts >= last[0]) {
          lastTs.put(event.userId(), new long[] {ts});
          lastSession.put(event.userId(), session);
        }
      }
      return out;
    }

    private void loadMissing(List<Event> events) throws SQLException {
      List<String> missing = new ArrayList<>();
      for (Event event : events) {
        String user = event.userId();
        if (!lastTs.containsKey(user)
            && (missing.isEmpty() || !missing.get(missing.size() - 1).equals(user))) {
          missing.add(user);
        }
      }
      if (missing.isEmpty()) {
        return;
      }
      try (Statement st = connection.createStatement()) {
        st.execute("CREATE OR REPLACE TEMP TABLE ingest_users (user_id VARCHAR)");
      }
      try (var appender =
          connection
              .unwrap(org.duckdb.DuckDBConnection.class)
              .createAppender("temp", "main", "ingest_users")) {
        for (String user : missing) {
          appender.beginRow();
          appender.append(user);
          appender.endRow();
        }
      }
      try (PreparedStatement ps =
              connection.prepareStatement(
                  "SELECT e.user_id, epoch_ms(max(e.ts)), arg_max(e.session_id, e.ts) FROM events"
                      + " e SEMI JOIN ingest_users u ON e.user_id = u.user_id GROUP BY e.user_id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lastTs.put(rs.getString(1), new long[] {rs.getLong(2)});
          lastSession.put(rs.getString(1), rs.getString(3));
        }
      }
    }
  }
}
