package org.shopcast.data.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shopcast.core.event.EventType;

/** The formatter-free time parser and the event-name lookup agree with their reference forms. */
class SegmentParsingTest {
  private static final String[] PARTS = {
    "2024", "-", "05", "-", "01", "T", "00", ":", "16", ":", "40", ".123", "Z"
  };

  /** What {@code parseTime} did before the fast path: java.time's ISO parsers. */
  private static Instant reference(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  @Test
  void fastTimeParser_agreesWithTheIsoParsers() {
    String[] fixed = {
      "2024-05-01T00:16:40Z",
      "2024-05-01T00:16:40.5Z",
      "2024-05-01T00:16:40.123456789Z",
      "2024-05-01T00:16:40.1234567891Z",
      "2024-05-01T00:16:40+05:30",
      "2024-05-01T00:16:40-08:00",
      "2024-05-01T00:16:40",
      "2024-02-30T00:00:00Z",
      "2024-13-01T00:00:00Z",
      "2024-05-01T24:00:00Z",
      "2024-05-01T23:59:60Z",
      "2024-05-01T00:16:40+19:00",
      "2024-05-01T00:16:40+18:00",
      "2024-05-01T00:16:40.Z",
      "2024-05-01 00:16:40Z",
      "2024-05-01t00:16:40z",
      "2024-05-01T00:16Z",
      "2024-05-01T00:16:40+0530",
      "+12024-05-01T00:16:40Z",
      "2024-05-01T00:16:40+05:30:15"
    };
    for (String text : fixed) {
      Instant fast = SegmentMapper.parseCommonTime(text);
      if (fast != null) {
        assertThat(fast).as(text).isEqualTo(reference(text));
      }
      assertThat(SegmentMapper.parseTime(text)).as(text).isEqualTo(reference(text));
    }
    Random random = new Random(11);
    for (int i = 0; i < 4_000; i++) {
      StringBuilder text = new StringBuilder();
      for (String part : PARTS) {
        text.append(random.nextInt(12) == 0 ? mutate(part, random) : part);
      }
      String s = text.toString();
      assertThat(SegmentMapper.parseTime(s)).as(s).isEqualTo(reference(s));
    }
  }

  private static String mutate(String part, Random random) {
    String[] options = {"", "9", "99", "x", "+01:00", "-23:59", ".0", "60", "00", "31", "29"};
    return random.nextBoolean() ? options[random.nextInt(options.length)] : part + part;
  }

  @Test
  void typeOf_ignoresCaseAndRepeatedSpaces() {
    assertThat(SegmentEvents.typeOf("Product Viewed")).contains(EventType.VIEW);
    assertThat(SegmentEvents.typeOf("  product \t\n  VIEWED ")).contains(EventType.VIEW);
    assertThat(SegmentEvents.typeOf("Completed  Order")).contains(EventType.PURCHASE);
    assertThat(SegmentEvents.typeOf("product added to wishlist")).contains(EventType.FAVORITE);
    assertThat(SegmentEvents.typeOf("Product\u001fViewed")).isEqualTo(Optional.empty());
    assertThat(SegmentEvents.typeOf("Page Viewed")).isEmpty();
    assertThat(SegmentEvents.typeOf(null)).isEmpty();
  }
}
