package org.shopcast.server.api;

import java.util.concurrent.atomic.AtomicLong;
import org.shopcast.data.store.EventStore;
import org.shopcast.data.store.StoreStats;
import org.shopcast.server.internal.ReadPool;

/**
 * The store statistics, computed once per commit: every commit makes the cached answer stale, and
 * the next request recomputes it while concurrent requests wait for that one computation instead of
 * each scanning the store.
 */
final class StatsCache {
  private final AtomicLong commits = new AtomicLong();
  private volatile Cached cached;

  private record Cached(long commits, StoreStats stats) {}

  /** A commit landed: the cached figures are stale. */
  void invalidate() {
    commits.incrementAndGet();
  }

  /** The figures as of the latest commit. */
  StoreStats get(ReadPool pool) {
    Cached now = cached;
    if (now != null && now.commits() == commits.get()) {
      return now.stats();
    }
    synchronized (this) {
      long seen = commits.get();
      now = cached;
      if (now != null && now.commits() == seen) {
        return now.stats();
      }
      // read after noting the count: a commit landing meanwhile makes the entry stale, never wrong
      StoreStats stats = pool.read(EventStore::stats);
      cached = new Cached(seen, stats);
      return stats;
    }
  }
}
