package org.shopcast.recommend.session;

import java.util.Locale;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;

/** The session click-log formats {@link SessionReader} reads. */
public enum SessionFormat {
  /**
   * YOOCHOOSE (RecSys Challenge 2015) clicks as prepared by session-rec: tab-separated, header
   * {@code SessionId ItemId Time}, Time in Unix seconds with a fraction.
   */
  YOOCHOOSE,
  /**
   * DIGINETICA (CIKM Cup 2016) item views: semicolon-separated, header {@code
   * session_id;user_id;item_id;timeframe;eventdate}; the event time is eventdate (UTC midnight)
   * plus timeframe milliseconds; user_id {@code NA} is anonymous.
   */
  DIGINETICA;

  /** The lower-case name used on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a format name, ignoring case.
   *
   * @throws DataException with code UnknownFormat naming the known formats
   */
  public static SessionFormat parse(String name) {
    for (SessionFormat format : values()) {
      if (format.label().equalsIgnoreCase(name.trim())) {
        return format;
      }
    }
    throw new DataException(
        new RowError(
            "--format", 0, null, ErrorCode.UnknownFormat, "yoochoose or diginetica", name));
  }
}
