package org.shopcast.data.importer;

import java.nio.file.Path;

/** Picks the source reader for a format. */
final class Sources {
  private Sources() {}

  /** A {@link SqlSource} or a {@link RowSource} for {@code format}. */
  static Object forFormat(Format format, Path file, ImportOptions options) {
    return switch (format) {
      case TAOBAO -> TaobaoSource.of(file, options);
      case TIANCHI -> TianchiSource.of(file, options);
      case ONLINE_RETAIL -> OnlineRetailSource.of(file, options);
      case ONLINE_RETAIL_INVOICES -> OnlineRetailInvoiceSource.of(file, options);
      case CDNOW -> CdnowSource.of(file, options);
      case YOOCHOOSE -> YoochooseSource.of(file, options);
      case DIGINETICA -> DigineticaSource.of(file, options);
      case CSV -> GenericSource.csv(file, options);
      case JSONL -> GenericSource.jsonl(file, options);
      case SEGMENT -> new SegmentSource();
    };
  }
}
