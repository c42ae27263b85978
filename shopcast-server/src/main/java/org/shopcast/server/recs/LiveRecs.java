package org.shopcast.server.recs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBConnection;
import org.shopcast.data.store.EventStore;
import org.shopcast.recommend.workspace.RecsIndex;
import org.shopcast.recommend.workspace.RecsInfo;
import org.shopcast.recommend.workspace.RecsTrainer;
import org.shopcast.recommend.workspace.StoreRecommender;
import org.shopcast.recommend.workspace.TrainRecsOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recommendation state of a running server: the newest precomputed lists ({@code shopcast train
 * recs}) as a {@link RecsIndex}, loaded at start and swapped when newer lists are committed
 * (checked every {@code checkEvery}) or on {@link #reload}; and a {@link StoreRecommender} trained
 * on the store in the background after each load, whose session kNN continues a user's live
 * session. Readers see one consistent pair through a volatile reference.
 */
public final class LiveRecs implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveRecs.class);

  private final Connection connection;
  private final Connection trainer;
  private final Clock clock;
  private TrainRecsOptions lists;
  private volatile String training = "none";
  private final Duration checkEvery;
  private final Object signal = new Object();
  private final Thread thread;
  private volatile Loaded current = new Loaded(null, null);
  private volatile boolean running = true;
  private boolean retrain;

  /**
   * What is being served.
   *
   * @param index the lists, null when none were ever trained
   * @param sessions the session models trained with them, null until trained
   */
  public record Loaded(RecsIndex index, StoreRecommender sessions) {}

  /**
   * Loads the newest lists of {@code store} now and starts the background thread that trains the
   * session models and watches for newer lists.
   */
  public LiveRecs(EventStore store, Duration checkEvery, Clock clock) {
    if (checkEvery.isNegative() || checkEvery.isZero()) {
      throw new IllegalArgumentException("checkEvery must be positive, got " + checkEvery);
    }
    this.checkEvery = checkEvery;
    this.clock = clock;
    try {
      DuckDBConnection duck = store.connection().unwrap(DuckDBConnection.class);
      this.connection = duck.duplicate();
      this.trainer = duck.duplicate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open a connection for recommendations", e);
    }
    reload(false);
    this.thread = new Thread(this::run, "shopcast-recs");
    thread.setDaemon(true);
    thread.start();
  }

  /** The lists and session models being served. */
  public Loaded current() {
    return current;
  }

  /**
   * Loads the newest stored lists when they differ from the served ones ({@code force}: always) and
   * schedules the session models' training; the lists serve at once.
   *
   * @return the served lists' provenance, empty when the workspace has none
   */
  public synchronized Optional<RecsInfo> reload(boolean force) {
    List<RecsInfo> stored = RecsIndex.stored(connection);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    RecsInfo newest = stored.get(0);
    Loaded now = current;
    if (!force
        && now.index() != null
        && now.index().info().model().equals(newest.model())
        && now.index().info().version() == newest.version()) {
      return Optional.of(now.index().info());
    }
    Optional<RecsIndex> index = RecsIndex.load(connection, newest.model());
    if (index.isEmpty()) {
      return Optional.empty();
    }
    current = new Loaded(index.get(), now.sessions());
    LOG.info(
        "serving {} lists version {} ({} users, {} items)",
        newest.model(),
        newest.version(),
        index.get().userCount(),
        index.get().itemCount());
    synchronized (signal) {
      retrain = true;
      signal.notifyAll();
    }
    return Optional.of(index.get().info());
  }

  /**
   * Trains lists with {@code options} ({@code shopcast train recs} inside the server, which holds
   * the store) on the background thread, then serves them.
   *
   * @return false when a training is already waiting or running
   */
  public boolean train(TrainRecsOptions options) {
    synchronized (signal) {
      if (lists != null || training.startsWith("training")) {
        return false;
      }
      lists = options;
      training = "training " + options.model().id() + " lists since " + clock.instant();
      signal.notifyAll();
      return true;
    }
  }

  /** What the last list training requested through {@link #train} did, or is doing. */
  public String training() {
    return training;
  }

  private void trainLists(TrainRecsOptions options) {
    try {
      RecsInfo info = RecsTrainer.train(trainer, options, clock);
      training =
          "trained "
              + info.model()
              + " lists version "
              + info.version()
              + " at "
              + info.trainedAt();
      reload(false);
    } catch (RuntimeException e) {
      training = "failed: " + e.getMessage();
      LOG.warn("training lists failed", e);
    }
  }

  private void run() {
    while (running) {
      boolean train;
      TrainRecsOptions requested;
      synchronized (signal) {
        if (!retrain && lists == null) {
          try {
            signal.wait(checkEvery.toMillis());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        train = retrain;
        retrain = false;
        requested = lists;
        lists = null;
      }
      if (!running) {
        return;
      }
      try {
        if (requested != null) {
          trainLists(requested);
        } else if (train) {
          train();
        } else {
          reload(false);
        }
      } catch (RuntimeException e) {
        LOG.warn("recommendations: {}", e.getMessage());
      }
    }
  }

  private void train() {
    RecsIndex index = current.index();
    if (index == null) {
      return;
    }
    StoreRecommender sessions = StoreRecommender.train(trainer);
    synchronized (this) {
      if (current.index() == index) {
        current = new Loaded(index, sessions);
      }
    }
    LOG.info("session models trained for {} lists", index.info().model());
  }

  /** Stops the background thread (a training in progress finishes first). */
  @Override
  public void close() {
    running = false;
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      thread.join(60_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
      trainer.close();
    } catch (SQLException e) {
      LOG.warn("cannot close the recommendations connection: {}", e.getMessage());
    }
  }
}
