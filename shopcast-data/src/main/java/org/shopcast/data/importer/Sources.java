package org.shopcast.data.importer;

import java.nio.file.Path;

/** Picks the source reader for a format. */
final class Sources {
  private Sources() {}

  /** A {@link SqlSource} or a {@link RowSource} for {@code format}. */
  static Object forFormat(Format format, Path file, ImportOptions options) {
    return switch (format) {
      case TAOBAO -> TaobaoSource.of(file, options);
      case SEGMENT -> new SegmentSource();
      default ->
          throw new IllegalArgumentException(
              "format '" + format.cliName() + "' has no importer in this build");
    };
  }
}
