package org.shopcast.analytics.rules;

import java.util.Arrays;

/**
 * A frequent-pattern tree (Han, Pei &amp; Yin 2000) held in parallel int arrays. Items are local
 * indices {@code 0..itemCount-1} in descending frequency order of the whole database; each maps to
 * a global rank. Paths are inserted with items ascending, so the most frequent items sit near the
 * root. The header table holds, per item, the head of its node-link chain and its total count.
 */
final class FpTree {
  static final int ROOT = 0;
  private static final int NONE = -1;

  final int itemCount;
  final int[] globalRank;
  final int[] headFirst;
  final int[] headCount;

  int[] item;
  int[] count;
  int[] parent;
  int[] firstChild;
  int[] nextSibling;
  int[] nodeLink;
  int size;

  FpTree(int[] globalRank, int capacity) {
    this.itemCount = globalRank.length;
    this.globalRank = globalRank;
    this.headFirst = new int[itemCount];
    this.headCount = new int[itemCount];
    Arrays.fill(headFirst, NONE);
    int cap = Math.max(16, capacity + 1);
    item = new int[cap];
    count = new int[cap];
    parent = new int[cap];
    firstChild = new int[cap];
    nextSibling = new int[cap];
    nodeLink = new int[cap];
    item[ROOT] = NONE;
    parent[ROOT] = NONE;
    firstChild[ROOT] = NONE;
    nextSibling[ROOT] = NONE;
    nodeLink[ROOT] = NONE;
    size = 1;
  }

  /** Inserts the first {@code length} items of {@code path} (ascending local items). */
  void insert(int[] path, int length, int weight) {
    int node = ROOT;
    for (int i = 0; i < length; i++) {
      int it = path[i];
      int child = firstChild[node];
      while (child != NONE && item[child] != it) {
        child = nextSibling[child];
      }
      if (child == NONE) {
        child = newNode(it, node);
      }
      count[child] += weight;
      headCount[it] += weight;
      node = child;
    }
  }

  /** Whether {@code node} marks the end of a node-link chain or of a sibling list. */
  static boolean isEnd(int node) {
    return node == NONE;
  }

  private int newNode(int it, int parentNode) {
    if (size == item.length) {
      int cap = size * 2;
      item = Arrays.copyOf(item, cap);
      count = Arrays.copyOf(count, cap);
      parent = Arrays.copyOf(parent, cap);
      firstChild = Arrays.copyOf(firstChild, cap);
      nextSibling = Arrays.copyOf(nextSibling, cap);
      nodeLink = Arrays.copyOf(nodeLink, cap);
    }
    int node = size++;
    item[node] = it;
    count[node] = 0;
    parent[node] = parentNode;
    firstChild[node] = NONE;
    nextSibling[node] = firstChild[parentNode];
    firstChild[parentNode] = node;
    nodeLink[node] = headFirst[it];
    headFirst[it] = node;
    return node;
  }
}
