package org.shopcast.server.api;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.UserTraits;
import org.shopcast.server.ingest.EventWriter;

/**
 * Answers of the costlier read endpoints (RFM, segments) kept until the next commit: an entry is
 * keyed by the endpoint and its query parameters and valid while no commit landed since it was
 * computed; at most {@value #CAPACITY} entries, the least recently used leave first. Concurrent
 * misses of one key may compute twice; both answers are of the same commit or later.
 */
public final class ResponseCache {
  private static final int CAPACITY = 32;

  private final AtomicLong commits = new AtomicLong();
  private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

  private record Entry(long commits, Object answer) {}

  /** The hook that invalidates every entry on each commit; register it with the writer. */
  public EventWriter.CommitHook commitHook() {
    return new EventWriter.CommitHook() {
      @Override
      public void committed(List<Event> events, List<UserTraits> traits, Set<String> newUsers) {
        commits.incrementAndGet();
      }
    };
  }

  /** The key of a request: the endpoint and its query parameters in name order. */
  static String key(String endpoint, Context ctx) {
    return endpoint + "?" + new TreeMap<>(ctx.queryParamMap());
  }

  /** The cached answer for {@code key}, else {@code compute}'s (then cached). */
  @SuppressWarnings("unchecked")
  <T> T get(String key, Supplier<T> compute) {
    long seen = commits.get();
    synchronized (this) {
      Entry entry = entries.get(key);
      if (entry != null && entry.commits() == seen) {
        return (T) entry.answer();
      }
    }
    // computed after noting the count: a commit landing meanwhile makes the entry stale, never
    // wrong
    T answer = compute.get();
    synchronized (this) {
      entries.put(key, new Entry(seen, answer));
      if (entries.size() > CAPACITY) {
        entries.remove(entries.keySet().iterator().next());
      }
    }
    return answer;
  }
}
