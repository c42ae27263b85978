package org.shopcast.server.triggers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.UserTraits;
import org.shopcast.predict.registry.RegistryEntry;
import org.shopcast.server.ingest.EventWriter;
import org.shopcast.server.scores.UserScorer;
import org.shopcast.server.scores.UserScores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the score rules off the ingestion path. Each commit only notes its users (with their
 * latest event) in a bounded map; a background thread waits {@code scoreDebounce} after the first
 * note so that following commits join the pass, then rescores at most {@code scoreBatch} noted
 * users with one feature query per pass ({@link UserScorer}, the newest model of each watched task)
 * and writes a match to the outbox for each user above a rule's threshold, at most once per
 * cooldown. Users beyond the batch wait for the next pass; past {@value #MAX_PENDING} noted users
 * the oldest are dropped and counted ({@link #dropped}).
 */
final class ScoreWatch implements EventWriter.CommitHook {
  private static final Logger LOG = LoggerFactory.getLogger(ScoreWatch.class);
  static final int MAX_PENDING = 100_000;

  private final List<TriggerRule> rules;
  private final Duration debounce;
  private final int batch;
  private final Clock clock;
  private final UserScorer scorer;
  private final Connection connection;
  private final Runnable delivered;
  private final Map<String, Event> pending = new LinkedHashMap<>();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong matched = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  ScoreWatch(
      TriggerConfig config,
      Clock clock,
      UserScorer scorer,
      Connection connection,
      Runnable delivered) {
    this.rules = config.rules().stream().filter(TriggerRule::isScore).toList();
    this.debounce = config.scoreDebounce();
    this.batch = config.scoreBatch();
    this.clock = clock;
    this.scorer = scorer;
    this.connection = connection;
    this.delivered = delivered;
    this.thread = new Thread(this::run, "shopcast-score-triggers");
    thread.setDaemon(true);
    thread.start();
  }

  /** Notes the committed events' users (constant work per event, no store access). */
  @Override
  public void committed(List<Event> events, List<UserTraits> traits, Set<String> newUsers) {
    synchronized (pending) {
      for (Event e : events) {
        Event known = pending.get(e.userId());
        if (known == null || !known.ts().isAfter(e.ts())) {
          pending.put(e.userId(), e);
        }
      }
      while (pending.size() > MAX_PENDING) {
        Iterator<String> oldest = pending.keySet().iterator();
        oldest.next();
        oldest.remove();
        dropped.incrementAndGet();
      }
      pending.notifyAll();
    }
  }

  /** Users dropped unscored because too many were waiting. */
  long dropped() {
    return dropped.get();
  }

  /** Matches written so far. */
  long matched() {
    return matched.get();
  }

  private void run() {
    while (running) {
      try {
        List<Event> users = next();
        if (!users.isEmpty()) {
          evaluate(users);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (SQLException | RuntimeException e) {
        LOG.warn("score triggers: {}", e.getMessage());
      }
    }
  }

  /** Waits for noted users, then the debounce, and takes up to one batch of them. */
  private List<Event> next() throws InterruptedException {
    synchronized (pending) {
      while (running && pending.isEmpty()) {
        pending.wait(1000);
      }
    }
    if (!running) {
      return List.of();
    }
    Thread.sleep(debounce.toMillis());
    List<Event> out = new ArrayList<>();
    synchronized (pending) {
      Iterator<Event> it = pending.values().iterator();
      while (it.hasNext() && out.size() < batch) {
        out.add(it.next());
        it.remove();
      }
    }
    return out;
  }

  private void evaluate(List<Event> latest) throws SQLException {
    List<RegistryEntry> models = scorer.latest(connection);
    List<String> users = latest.stream().map(Event::userId).toList();
    int written = 0;
    for (TriggerRule rule : rules) {
      RegistryEntry model =
          models.stream().filter(m -> m.task().equals(rule.score())).findFirst().orElse(null);
      if (model == null) {
        continue;
      }
      Map<String, UserScores> scores = scorer.score(connection, List.of(model), users, 0);
      for (Event event : latest) {
        UserScores s = scores.get(event.userId());
        Double score = s == null ? null : s.scores().get(0).score();
        if (score != null && score > rule.above()) {
          written += Outbox.matchScore(connection, rule, event, score, clock.instant());
        }
      }
    }
    if (written > 0) {
      matched.addAndGet(written);
      delivered.run();
    }
  }

  /** Stops the thread; noted users not yet scored are forgotten. */
  void close() {
    running = false;
    synchronized (pending) {
      pending.notifyAll();
    }
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
