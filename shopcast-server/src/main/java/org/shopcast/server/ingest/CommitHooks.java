package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Several {@link EventWriter.CommitHook}s run in order as one. */
public final class CommitHooks implements EventWriter.CommitHook {
  private final List<EventWriter.CommitHook> hooks;

  private CommitHooks(List<EventWriter.CommitHook> hooks) {
    this.hooks = hooks;
  }

  /** The non-null {@code hooks} in order. */
  public static EventWriter.CommitHook of(EventWriter.CommitHook... hooks) {
    List<EventWriter.CommitHook> list = new ArrayList<>();
    for (EventWriter.CommitHook hook : hooks) {
      if (hook != null) {
        list.add(hook);
      }
    }
    return new CommitHooks(List.copyOf(list));
  }

  @Override
  public void inTransaction(Connection connection, String freshTable) throws SQLException {
    for (EventWriter.CommitHook hook : hooks) {
      hook.inTransaction(connection, freshTable);
    }
  }

  @Override
  public void committed() {
    for (EventWriter.CommitHook hook : hooks) {
      hook.committed();
    }
  }
}
