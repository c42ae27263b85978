package org.shopcast.data.importer;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The source formats {@code shopcast import --format} accepts. */
public enum Format {
  /** Alibaba Taobao UserBehavior: user,item,category,pv|cart|fav|buy,epoch seconds; no header. */
  TAOBAO("taobao"),
  /** Tianchi mobile recommendation: header, behavior 1-4, hour-granular time (China time). */
  TIANCHI("tianchi"),
  /** UCI Online Retail line items; {@code C} invoices become returns. */
  ONLINE_RETAIL("online-retail"),
  /** UCI Online Retail, one row per invoice. */
  ONLINE_RETAIL_INVOICES("online-retail-invoices"),
  /** CDNOW purchases, master (with header) or sample (without) layout. */
  CDNOW("cdnow"),
  /** YOOCHOOSE clicks in the session-rec layout (SessionId, ItemId, Time). */
  YOOCHOOSE("yoochoose"),
  /** DIGINETICA item views (session_id;user_id;item_id;timeframe;eventdate). */
  DIGINETICA("diginetica"),
  /** Segment-spec JSON lines: track, identify, page and batch messages. */
  SEGMENT("segment"),
  /** Generic CSV with a column mapping. */
  CSV("csv"),
  /** Generic JSON lines with a field mapping. */
  JSONL("jsonl");

  private final String cliName;

  Format(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line and in JSON output. */
  public String cliName() {
    return cliName;
  }

  /**
   * The format with this command-line name.
   *
   * @throws IllegalArgumentException naming the known formats when there is none
   */
  public static Format fromName(String name) {
    for (Format format : values()) {
      if (format.cliName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "[UnknownFormat] format must be one of " + names() + ", got '" + name + "'");
  }

  /** The command-line names of all formats, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(Format::cliName).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return cliName;
  }
}
