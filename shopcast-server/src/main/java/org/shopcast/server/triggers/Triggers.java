package org.shopcast.server.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.duckdb.DuckDBConnection;
import org.shopcast.core.event.Event;
import org.shopcast.data.store.EventStore;
import org.shopcast.server.ingest.EventWriter;
import org.shopcast.server.scores.UserScorer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the trigger rules of a {@link TriggerConfig} and delivers their matches.
 *
 * <p>Event rules run inside the writer's transaction ({@link #inTransaction}), so a match is in the
 * outbox exactly when its event is in the store. Absence rules run on a timer thread every {@code
 * checkEvery}. The same thread posts each due outbox row to the webhook (JSON body, headers {@code
 * Shopcast-Delivery-Id}, {@code Shopcast-Rule}, {@code Shopcast-Attempt}); a 2xx answer marks it
 * delivered, anything else schedules a retry after an exponential backoff with "equal jitter" (half
 * the capped exponential delay plus a uniform random share of the other half; M. Brooker,
 * "Exponential Backoff And Jitter", AWS Architecture Blog, 2015) until {@code maxAttempts}, when it
 * becomes {@code dead}. The outbox lives in the store, so a restarted server resumes pending
 * deliveries; a crash between a receiver's 2xx and the update re-sends it (at least once), which
 * the receiver detects by the delivery id.
 */
public final class Triggers implements EventWriter.TransactionHook, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Triggers.class);
  private static final int BATCH = 100;
  private static final Duration IDLE = Duration.ofSeconds(1);

  private final TriggerConfig config;
  private final Clock clock;
  private final Connection connection;
  private final HttpClient http;
  private final ObjectMapper json = new ObjectMapper();
  private final SplittableRandom random = new SplittableRandom();
  private final Object signal = new Object();
  private final Thread thread;
  private final List<TriggerRule> eventRules;
  private final List<TriggerRule> absenceRules;
  private final ScoreWatch scores;
  private final Connection scoreConnection;
  private volatile boolean running = true;
  private boolean woken;

  /**
   * Creates the outbox table when absent and starts the timer and delivery thread.
   *
   * @param store the served store
   * @param config the rules and webhook
   * @param clock the time of matches, absence windows and retries
   */
  public Triggers(EventStore store, TriggerConfig config, Clock clock) {
    this(store, config, clock, null);
  }

  /**
   * As {@link #Triggers(EventStore, TriggerConfig, Clock)}, scoring the score rules' users with
   * {@code scorer} (required when the config has score rules).
   */
  public Triggers(EventStore store, TriggerConfig config, Clock clock, UserScorer scorer) {
    this.config = config;
    this.clock = clock;
    this.eventRules = config.rules().stream().filter(r -> !r.isAbsence() && !r.isScore()).toList();
    this.absenceRules = config.rules().stream().filter(TriggerRule::isAbsence).toList();
    try {
      this.connection = store.connection().unwrap(DuckDBConnection.class).duplicate();
      Outbox.create(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the trigger outbox: " + e.getMessage(), e);
    }
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(config.webhook().timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    if (config.rules().stream().anyMatch(TriggerRule::isScore)) {
      if (scorer == null) {
        throw new IllegalArgumentException("score rules need a scorer");
      }
      try {
        this.scoreConnection = store.connection().unwrap(DuckDBConnection.class).duplicate();
      } catch (SQLException e) {
        throw new IllegalStateException("cannot open the score triggers' connection", e);
      }
      this.scores = new ScoreWatch(config, clock, scorer, scoreConnection, this::wake);
    } else {
      this.scoreConnection = null;
      this.scores = null;
    }
    this.thread = new Thread(this::run, "shopcast-triggers");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The hook noting committed users for the score rules (register it with the writer); null when
   * there are no score rules.
   */
  public EventWriter.CommitHook scoreHook() {
    return scores;
  }

  /** Writes the event rules' matches among the transaction's new events. */
  @Override
  public void inTransaction(Connection writer, List<Event> added) throws SQLException {
    if (!eventRules.isEmpty()) {
      Outbox.matchEvents(writer, added, eventRules, clock.instant());
    }
  }

  /** Wakes the delivery thread after a commit that may have written matches. */
  @Override
  public void committed() {
    if (!eventRules.isEmpty()) {
      wake();
    }
  }

  private void wake() {
    synchronized (signal) {
      woken = true;
      signal.notifyAll();
    }
  }

  /**
   * Outbox rows by rule and status, and the latest dead deliveries (for {@code GET
   * /api/v1/triggers}).
   */
  public Map<String, Object> summary(Connection reader) throws SQLException {
    Map<String, Map<String, Long>> byRule = new TreeMap<>();
    for (TriggerRule rule : config.rules()) {
      Map<String, Long> counts = new LinkedHashMap<>();
      for (String status : List.of("pending", "delivered", "dead")) {
        counts.put(status, 0L);
      }
      byRule.put(rule.name(), counts);
    }
    try (Statement st = reader.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT rule, status, count(*) FROM " + Outbox.TABLE + " GROUP BY rule, status")) {
      while (rs.next()) {
        byRule
            .computeIfAbsent(rs.getString(1), r -> new LinkedHashMap<>())
            .put(rs.getString(2), rs.getLong(3));
      }
    }
    List<Map<String, Object>> dead = new java.util.ArrayList<>();
    try (PreparedStatement ps =
            reader.prepareStatement(
                "SELECT delivery_id, rule, user_id, event_id, attempts,"
                    + " strftime(last_attempt_at, '%Y-%m-%dT%H:%M:%S.%gZ'), last_error FROM "
                    + Outbox.TABLE
                    + " WHERE status = 'dead' ORDER BY last_attempt_at DESC LIMIT 20");
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("deliveryId", rs.getString(1));
        row.put("rule", rs.getString(2));
        row.put("userId", rs.getString(3));
        row.put("eventId", rs.getString(4));
        row.put("attempts", rs.getInt(5));
        row.put("lastAttemptAt", rs.getString(6));
        row.put("lastError", rs.getString(7));
        dead.add(row);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("webhook", config.webhook().url().toString());
    out.put("rules", config.rules().stream().map(TriggerRule::name).toList());
    out.put("byRule", byRule);
    out.put("dead", dead);
    return out;
  }

  private void run() {
    Instant nextCheck = Instant.MIN;
    while (running) {
      try {
        Instant now = clock.instant();
        if (!now.isBefore(nextCheck)) {
          for (TriggerRule rule : absenceRules) {
            int n = Outbox.matchAbsences(connection, rule, now);
            if (n > 0) {
              LOG.info("trigger {}: {} new matches", rule.name(), n);
            }
          }
          nextCheck = now.plus(config.checkEvery());
        }
        List<Outbox.Due> due = Outbox.due(connection, clock.instant(), BATCH);
        for (Outbox.Due d : due) {
          if (!running) {
            return;
          }
          deliver(d);
        }
        if (due.size() < BATCH) {
          pause(Duration.between(clock.instant(), earliest(nextCheck)));
        }
      } catch (SQLException | RuntimeException e) {
        LOG.warn("triggers: {}", e.getMessage());
        pause(IDLE);
      }
    }
  }

  /** The earlier of {@code nextCheck} and the next pending attempt. */
  private Instant earliest(Instant nextCheck) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT epoch_ms(min(next_attempt_at)) FROM "
                    + Outbox.TABLE
                    + " WHERE status = 'pending'")) {
      rs.next();
      long ms = rs.getLong(1);
      if (rs.wasNull()) {
        return nextCheck;
      }
      Instant next = Instant.ofEpochMilli(ms);
      return next.isBefore(nextCheck) ? next : nextCheck;
    }
  }

  private void pause(Duration wait) {
    long ms = Math.min(Math.max(wait.toMillis(), 1), IDLE.toMillis());
    synchronized (signal) {
      if (!woken && running) {
        try {
          signal.wait(ms);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          running = false;
        }
      }
      woken = false;
    }
  }

  private void deliver(Outbox.Due d) throws SQLException {
    int attempt = d.attempts() + 1;
    String error;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(config.webhook().url())
              .timeout(config.webhook().timeout())
              .header("Content-Type", "application/json")
              .header("User-Agent", "shopcast-triggers")
              .header("Shopcast-Delivery-Id", d.deliveryId())
              .header("Shopcast-Rule", d.rule())
              .header("Shopcast-Attempt", Integer.toString(attempt))
              .POST(HttpRequest.BodyPublishers.ofString(payload(d)))
              .build();
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        Instant now = clock.instant();
        Outbox.attempted(connection, d.deliveryId(), "delivered", attempt, now, now, null);
        return;
      }
      error = "HTTP " + status;
    } catch (IOException e) {
      error =
          e.getClass().getSimpleName()
              + (e.getMessage() == null ? " (no answer from the receiver)" : ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
      return;
    }
    Instant now = clock.instant();
    if (attempt >= config.webhook().maxAttempts()) {
      LOG.warn(
          "trigger {}: delivery {} dead after {} attempts ({})",
          d.rule(),
          d.deliveryId(),
          attempt,
          error);
      Outbox.attempted(connection, d.deliveryId(), "dead", attempt, now, now, error);
    } else {
      Instant next = now.plus(backoff(attempt));
      Outbox.attempted(connection, d.deliveryId(), "pending", attempt, now, next, error);
    }
  }

  /**
   * The wait after failed attempt {@code attempt} (1-based): with {@code d = min(maxBackoff,
   * initialBackoff * 2^(attempt-1))}, {@code d/2 + uniform[0, d/2]}.
   */
  Duration backoff(int attempt) {
    return backoff(config.webhook(), attempt, random);
  }

  static Duration backoff(WebhookConfig hook, int attempt, SplittableRandom random) {
    long initial = hook.initialBackoff().toMillis();
    long cap = hook.maxBackoff().toMillis();
    long d = initial;
    for (int i = 1; i < attempt && d < cap; i++) {
      d *= 2;
    }
    d = Math.max(1, Math.min(d, cap));
    long half = d / 2;
    return Duration.ofMillis(d - half + random.nextLong(half + 1));
  }

  private String payload(Outbox.Due d) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", d.eventId());
    event.put("type", d.eventType());
    event.put("ts", d.eventTs().toString());
    event.put("itemId", d.itemId());
    event.put("price", d.price());
    event.put("quantity", d.quantity());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("deliveryId", d.deliveryId());
    body.put("rule", d.rule());
    body.put("kind", d.kind());
    body.put("userId", d.userId());
    body.put("event", event);
    if (d.score() != null) {
      body.put("score", d.score());
    }
    body.put("matchedAt", d.createdAt().toString());
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a delivery: " + e.getMessage(), e);
    }
  }

  /** Stops the thread (an attempt in flight ends within the webhook timeout). */
  @Override
  public void close() {
    if (scores != null) {
      scores.close();
      try {
        scoreConnection.close();
      } catch (SQLException e) {
        LOG.warn("cannot close the score triggers' connection: {}", e.getMessage());
      }
    }
    running = false;
    wake();
    try {
      thread.join(config.webhook().timeout().toMillis() + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("cannot close the triggers connection: {}", e.getMessage());
    }
  }
}
