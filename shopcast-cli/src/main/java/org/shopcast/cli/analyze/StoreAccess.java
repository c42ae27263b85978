package org.shopcast.cli.analyze;

import java.nio.file.Path;
import org.shopcast.data.store.EventStore;

/** Opens the workspace store for an analysis, refusing an empty one with a clear message. */
final class StoreAccess {
  private StoreAccess() {}

  /**
   * Opens the store of {@code workspace}.
   *
   * @throws IllegalStateException when the store holds no events
   */
  static EventStore open(Path workspace) {
    EventStore store = EventStore.open(workspace);
    if (store.stats().events() == 0) {
      store.close();
      throw new IllegalStateException(
          "the store in " + workspace + " holds no events; import some first (shopcast import)");
    }
    return store;
  }
}
