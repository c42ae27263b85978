package org.shopcast.recommend.knn;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shopcast.recommend.session.Session;
import org.shopcast.recommend.session.SessionDataset;

/**
 * The training sessions as an inverted index: each session's distinct items and end time, and for
 * each item the sessions holding it.
 */
final class SessionIndex {
  final int[][] sessionItems;
  final long[] sessionTime;
  final int[][] itemSessions;

  SessionIndex(SessionDataset train) {
    List<Session> sessions = train.sessions();
    sessionItems = new int[sessions.size()][];
    sessionTime = new long[sessions.size()];
    int[] counts = new int[train.items().size()];
    for (int s = 0; s < sessions.size(); s++) {
      Set<Integer> distinct = new LinkedHashSet<>();
      Session session = sessions.get(s);
      for (int i = 0; i < session.size(); i++) {
        distinct.add(session.item(i));
      }
      sessionItems[s] = distinct.stream().mapToInt(Integer::intValue).toArray();
      sessionTime[s] = session.endTime();
      for (int item : sessionItems[s]) {
        counts[item]++;
      }
    }
    itemSessions = new int[counts.length][];
    for (int i = 0; i < counts.length; i++) {
      itemSessions[i] = new int[counts[i]];
    }
    int[] fill = new int[counts.length];
    for (int s = 0; s < sessionItems.length; s++) {
      for (int item : sessionItems[s]) {
        itemSessions[item][fill[item]++] = s;
      }
    }
  }

  int items() {
    return itemSessions.length;
  }
}
