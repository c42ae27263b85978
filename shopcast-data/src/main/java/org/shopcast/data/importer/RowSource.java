package org.shopcast.data.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A source parsed in Java (JSON formats), writing candidate events and rejections row by row
 * through DuckDB's appender. Sources DuckDB can read itself are {@link SqlSource}s instead.
 */
interface RowSource {
  /** Reads {@code file} and writes every candidate event or rejection to {@code out}. */
  void stage(Path file, ImportOptions options, StageWriter out) throws IOException;
}
