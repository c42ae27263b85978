package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.shopcast.core.event.Event;

/** Several {@link EventWriter.TransactionHook}s run in order as one. */
public final class CommitHooks implements EventWriter.TransactionHook {
  private final List<EventWriter.TransactionHook> hooks;

  private CommitHooks(List<EventWriter.TransactionHook> hooks) {
    this.hooks = hooks;
  }

  /** The non-null {@code hooks} in order. */
  public static EventWriter.TransactionHook of(EventWriter.TransactionHook... hooks) {
    List<EventWriter.TransactionHook> list = new ArrayList<>();
    for (EventWriter.TransactionHook hook : hooks) {
      if (hook != null) {
        list.add(hook);
      }
    }
    return new CommitHooks(List.copyOf(list));
  }

  @Override
  public void inTransaction(Connection connection, List<Event> added) throws SQLException {
    for (EventWriter.TransactionHook hook : hooks) {
      hook.inTransaction(connection, added);
    }
  }

  @Override
  public void committed() {
    for (EventWriter.TransactionHook hook : hooks) {
      hook.committed();
    }
  }
}
