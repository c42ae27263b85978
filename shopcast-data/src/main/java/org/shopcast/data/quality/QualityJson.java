package org.shopcast.data.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The report as JSON: the contract of {@code shopcast quality --json} (at least {@code events},
 * {@code users}, {@code items}, {@code minTs}, {@code maxTs} as ISO-8601 UTC, {@code score} in 0..1
 * and {@code checks} as {@code {name, status, value, detail}}).
 */
public final class QualityJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private QualityJson() {}

  /** The report as pretty-printed JSON. */
  public static String render(QualityReport report) {
    return write(report, true);
  }

  /** The report as compact JSON on one line. */
  static String compact(QualityReport report) {
    return write(report, false);
  }

  private static String write(QualityReport report, boolean pretty) {
    try {
      return pretty
          ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report)
          : MAPPER.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the quality report as JSON", e);
    }
  }
}
