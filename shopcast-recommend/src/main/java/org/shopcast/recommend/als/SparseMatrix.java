package org.shopcast.recommend.als;

import java.util.Arrays;

/**
 * A sparse matrix of non-negative interaction strengths in compressed-row form (rows = users or
 * sessions, columns = items). Duplicate cells are summed.
 */
public final class SparseMatrix {
  private final int rows;
  private final int cols;
  private final int[] start;
  private final int[] col;
  private final double[] value;

  private SparseMatrix(int rows, int cols, int[] start, int[] col, double[] value) {
    this.rows = rows;
    this.cols = cols;
    this.start = start;
    this.col = col;
    this.value = value;
  }

  /** Builds the matrix from parallel (row, column, value) triples. */
  public static SparseMatrix of(int rows, int cols, int[] row, int[] column, double[] values) {
    if (row.length != column.length || row.length != values.length) {
      throw new IllegalArgumentException("row, column and values must have the same length");
    }
    int[] counts = new int[rows + 1];
    for (int i = 0; i < row.length; i++) {
      if (row[i] < 0 || row[i] >= rows || column[i] < 0 || column[i] >= cols) {
        throw new IllegalArgumentException(
            "cell (" + row[i] + ", " + column[i] + ") outside " + rows + " x " + cols);
      }
      if (!(values[i] >= 0)) {
        throw new IllegalArgumentException("values must be >= 0, got " + values[i]);
      }
      counts[row[i] + 1]++;
    }
    for (int r = 0; r < rows; r++) {
      counts[r + 1] += counts[r];
    }
    int[] fill = Arrays.copyOf(counts, rows);
    int[] cs = new int[row.length];
    double[] vs = new double[row.length];
    for (int i = 0; i < row.length; i++) {
      int at = fill[row[i]]++;
      cs[at] = column[i];
      vs[at] = values[i];
    }
    // sort each row by column and merge duplicates
    int[] outStart = new int[rows + 1];
    int n = 0;
    for (int r = 0; r < rows; r++) {
      int from = counts[r];
      int to = counts[r + 1];
      Integer[] order = new Integer[to - from];
      for (int i = 0; i < order.length; i++) {
        order[i] = from + i;
      }
      Arrays.sort(order, (a, b) -> Integer.compare(cs[a], cs[b]));
      int rowStart = n;
      int[] tmpC = new int[order.length];
      double[] tmpV = new double[order.length];
      int m = 0;
      for (Integer idx : order) {
        if (m > 0 && tmpC[m - 1] == cs[idx]) {
          tmpV[m - 1] += vs[idx];
        } else {
          tmpC[m] = cs[idx];
          tmpV[m++] = vs[idx];
        }
      }
      System.arraycopy(tmpC, 0, cs, rowStart, m);
      System.arraycopy(tmpV, 0, vs, rowStart, m);
      n += m;
      outStart[r] = rowStart;
      outStart[r + 1] = n;
    }
    return new SparseMatrix(rows, cols, outStart, Arrays.copyOf(cs, n), Arrays.copyOf(vs, n));
  }

  static SparseMatrix ofRow(int[] columns, double[] values, int cols) {
    return of(1, cols, new int[columns.length], columns, values);
  }

  /** The transpose. */
  public SparseMatrix transpose() {
    int[] r = new int[col.length];
    for (int i = 0; i < rows; i++) {
      for (int p = start[i]; p < start[i + 1]; p++) {
        r[p] = i;
      }
    }
    return of(cols, rows, col, r, value);
  }

  /** Number of rows. */
  public int rows() {
    return rows;
  }

  /** Number of columns. */
  public int cols() {
    return cols;
  }

  /** Number of stored cells. */
  public int nonZeros() {
    return col.length;
  }

  int begin(int row) {
    return start[row];
  }

  int end(int row) {
    return start[row + 1];
  }

  int col(int p) {
    return col[p];
  }

  double value(int p) {
    return value[p];
  }
}
