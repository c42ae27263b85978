package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.UserTraits;
import org.shopcast.data.store.EventKeys;
import org.shopcast.data.store.EventStore;

/**
 * The single writer of a served workspace. Requests queue their events; one thread takes every
 * request waiting (up to {@link #MAX_GROUP_EVENTS} events), commits them in one DuckDB transaction
 * (deduplicated by event id against the store and each other, sessions continued or started by the
 * inactivity gap) and only then completes each request's future. Grouping turns many small requests
 * into few large transactions, which is what DuckDB writes fast.
 *
 * <p>A commit runs no statement whose cost grows with the store in the common case: stored ids are
 * known by their 64-bit fingerprints ({@link EventIds}, loaded at start; only a matching
 * fingerprint is confirmed with a scan), users and items already in the side tables are remembered
 * ({@link SideTables}), a user's last session is looked up once and only among recent events
 * ({@link Sessions}), and the new rows are appended with DuckDB's appender inside the transaction.
 * After a failed commit every cache is dropped and rebuilt from the store.
 */
public final class EventWriter implements AutoCloseable {
  /** Most events committed in one transaction. */
  public static final int MAX_GROUP_EVENTS = 50_000;

  private final EventStore store;
  private final BlockingQueue<Pending> queue;
  private final Clock clock;
  private final Sessions sessions;
  private final SideTables sideTables = new SideTables();
  private final List<CommitHook> hooks = new CopyOnWriteArrayList<>();
  private EventIds ids;

  /** The import row's counting statement, prepared on the first commit (writer thread only). */
  private PreparedStatement countStatement;

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
   * Hears each commit on the writer thread: {@link #beginning()} just before the transaction is
   * made durable, then {@link #committed} or {@link #failed()}. Must be quick and must not throw.
   */
  public interface CommitHook {
    /** A transaction is about to commit. */
    default void beginning() {}

    /**
     * {@code events} (new to the store, sessions assigned, in request order) and {@code traits} are
     * committed; {@code newUsers} had nothing in the store before.
     */
    void committed(List<Event> events, List<UserTraits> traits, Set<String> newUsers);

    /** The transaction announced by {@link #beginning()} failed and was rolled back. */
    default void failed() {}
  }

  /** Adds a hook called after each commit. */
  public void addHook(CommitHook hook) {
    hooks.add(hook);
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
      this.ids = EventIds.load(store.connection());
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
      if (ids == null) {
        ids = EventIds.load(connection);
      }
      List<Event> all = new ArrayList<>();
      List<UserTraits> traits = new ArrayList<>();
      for (Pending pending : group) {
        all.addAll(pending.events());
        traits.addAll(pending.traits());
      }
      long[] lower = new long[all.size()];
      long[] upper = new long[all.size()];
      String[] idOf = withIds(connection, all, lower, upper);
      long[] fingerprints = new long[all.size()];
      boolean[] fresh = fresh(connection, idOf, lower, fingerprints);
      List<Event> accepted = new ArrayList<>();
      int[] acceptedBy = new int[group.size()];
      int at = 0;
      for (int req = 0; req < group.size(); req++) {
        for (int i = 0; i < group.get(req).events().size(); i++, at++) {
          if (fresh[at]) {
            int to = accepted.size();
            fingerprints[to] = fingerprints[at];
            lower[to] = lower[at];
            upper[to] = upper[at];
            idOf[to] = idOf[at];
            accepted.add(all.get(at));
            acceptedBy[req]++;
          }
        }
      }
      String[] sessionOf = sessions.assign(accepted);
      List<Event> rows = new ArrayList<>(accepted.size());
      for (int i = 0; i < accepted.size(); i++) {
        rows.add(stored(accepted.get(i), idOf[i], sessionOf[i]));
      }
      List<String> newUsers = sideTables.newUsers(connection, rows);
      List<IngestSql.NewItem> newItems = sideTables.newItems(connection, rows);
      connection.setAutoCommit(false);
      try {
        // the first statement opens the transaction the appenders then join
        if (countStatement == null) {
          countStatement = IngestSql.prepareCount(connection);
        }
        IngestSql.count(countStatement, importId, all.size(), rows.size(), clock.instant());
        IngestSql.append(connection, importId, rows, lower, upper, newUsers, newItems);
        IngestSql.traits(connection, traits);
        TransactionHook h = transactionHook;
        if (h != null) {
          h.inTransaction(connection, rows);
        }
        hooks.forEach(CommitHook::beginning);
        try {
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          hooks.forEach(CommitHook::failed);
          throw e;
        }
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        forget();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      for (int i = 0; i < rows.size(); i++) {
        ids.add(fingerprints[i]);
      }
      sideTables.stored(newUsers, newItems, traits);
      Set<String> created = Set.copyOf(newUsers);
      for (CommitHook hook : hooks) {
        hook.committed(rows, traits, created);
      }
      TransactionHook done = transactionHook;
      if (done != null) {
        done.committed();
      }
      int totalAccepted = 0;
      int totalDuplicates = 0;
      for (int i = 0; i < group.size(); i++) {
        int size = group.get(i).events().size();
        totalAccepted += acceptedBy[i];
        totalDuplicates += size - acceptedBy[i];
        group.get(i).done().complete(new IngestResult(acceptedBy[i], size - acceptedBy[i]));
      }
      listener.committed(group.size(), totalAccepted, totalDuplicates, System.nanoTime() - started);
    } catch (SQLException | RuntimeException e) {
      forget();
      for (Pending pending : group) {
        pending.done().completeExceptionally(e);
      }
    }
  }

  /** Forgets every cache after a failure: they are rebuilt from the store. */
  private void forget() {
    ids = null;
    sessions.forget();
    sideTables.forget();
    closeCountStatement();
  }

  private void closeCountStatement() {
    if (countStatement != null) {
      try {
        countStatement.close();
      } catch (SQLException e) {
        // prepared again on the next commit; nothing of it is kept
      }
      countStatement = null;
    }
  }

  /**
   * The stored id of each event ({@code EventKeys}): derived from the id it came with, or from the
   * content when it came without one; each id's low and high 64 bits go to {@code lower} and {@code
   * upper} (for the appender and the fingerprints, without parsing the decimal text).
   */
  private static String[] withIds(
      Connection connection, List<Event> events, long[] lower, long[] upper) throws SQLException {
    List<Event> noId = new ArrayList<>();
    for (Event event : events) {
      if (event.eventId() == null) {
        noId.add(event);
      }
    }
    // ids sent with the events are hashed here; content ids need DuckDB's text forms of the fields
    String[] computed = noId.isEmpty() ? new String[0] : IngestSql.contentIds(connection, noId);
    String[] out = new String[events.size()];
    int next = 0;
    for (int i = 0; i < events.size(); i++) {
      String id = events.get(i).eventId();
      long[] bits = id == null ? EventKeys.parse(computed[next]) : EventKeys.sourceIdBits(id);
      lower[i] = bits[0];
      upper[i] = bits[1];
      out[i] = id == null ? computed[next++] : EventKeys.decimal(bits[0], bits[1]);
    }
    return out;
  }

  /** The event as stored: with its stored id and its session (one copy of the record). */
  private static Event stored(Event e, String id, String session) {
    return new Event(
        id,
        e.userId(),
        e.ts(),
        e.type(),
        e.itemId(),
        e.categoryId(),
        session,
        e.orderId(),
        e.quantity(),
        e.price(),
        e.query(),
        e.channel(),
        e.properties());
  }

  /**
   * Which events (by their stored ids {@code idOf}) are new: the first of each id in the group and
   * not in the store. Ids whose fingerprint ({@link EventIds#fingerprint(long)} of the id's low 64
   * bits {@code lower}) is known are confirmed against the store, so a fingerprint collision costs
   * one query and never drops an event.
   */
  private boolean[] fresh(Connection connection, String[] idOf, long[] lower, long[] fingerprints)
      throws SQLException {
    boolean[] fresh = new boolean[idOf.length];
    // ids repeated inside the group: their fingerprints first, the ids themselves only on a match
    EventIds group = new EventIds(idOf.length);
    Set<String> seen = null;
    List<String> candidates = new ArrayList<>();
    for (int i = 0; i < idOf.length; i++) {
      String id = idOf[i];
      long fingerprint = EventIds.fingerprint(lower[i]);
      fingerprints[i] = fingerprint;
      if (seen == null && group.mayContain(fingerprint)) {
        seen = new HashSet<>();
        for (int j = 0; j < i; j++) {
          seen.add(idOf[j]);
        }
      }
      group.add(fingerprint);
      if (seen == null || seen.add(id)) {
        fresh[i] = true;
        if (ids.mayContain(fingerprint)) {
          candidates.add(id);
        }
      }
    }
    if (!candidates.isEmpty()) {
      Set<String> stored = IngestSql.storedIds(connection, candidates);
      for (int i = 0; i < idOf.length; i++) {
        if (fresh[i] && stored.contains(idOf[i])) {
          fresh[i] = false;
        }
      }
    }
    return fresh;
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
    if (!thread.isAlive()) {
      closeCountStatement();
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
}
