package org.shopcast.recommend.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps item ids to dense indices {@code 0..size()-1} so models work on arrays. Training data adds
 * items; test data is encoded against the frozen training index.
 */
public final class ItemIndex {
  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> ids = new ArrayList<>();

  /** The index of {@code id}, adding it when new. */
  public int add(String id) {
    Integer known = index.get(id);
    if (known != null) {
      return known;
    }
    int next = ids.size();
    index.put(id, next);
    ids.add(id);
    return next;
  }

  /** The index of {@code id}, or -1 when the item is unknown. */
  public int indexOf(String id) {
    Integer known = index.get(id);
    return known == null ? -1 : known;
  }

  /** The item id at {@code index}. */
  public String id(int index) {
    return ids.get(index);
  }

  /** How many items the index holds. */
  public int size() {
    return ids.size();
  }
}
