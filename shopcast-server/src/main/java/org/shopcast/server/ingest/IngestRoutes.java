package org.shopcast.server.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.shopcast.core.error.RowError;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.SegmentMapper;
import org.shopcast.data.segment.SegmentMessage;
import org.shopcast.data.segment.UserTraits;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.Problem;

/**
 * The ingestion endpoints: Segment's HTTP Tracking API ({@code /v1/batch}, {@code /v1/import},
 * {@code /v1/track}, {@code /v1/identify}, {@code /v1/page}, {@code /v1/screen}) and the native
 * {@code POST /api/v1/events}. A request is all or nothing: when any event in it is invalid the
 * answer is 422 listing every bad event with its index and nothing is stored; otherwise the answer
 * comes after the writer committed the events.
 */
public final class IngestRoutes {
  /** Most events one request may hold. */
  public static final int MAX_EVENTS = 10_000;

  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(30);

  private final EventWriter writer;
  private final ObjectMapper json;
  private final SegmentMapper segment;
  private final NativeEvents natives;
  private final long maxBodyBytes;
  private final LongAdder rejectedEvents = new LongAdder();
  private final KeyCheck keyCheck;

  /** Context attribute set when the request's key is to be read from the body's writeKey. */
  public static final String KEY_IN_BODY = "shopcast.keyInBody";

  /** Checks a write key found in a Segment body; throws an HTTP problem when it is not one. */
  public interface KeyCheck {
    /** Accepts {@code key} (null when absent) for the request or throws 401/403. */
    void check(Context ctx, String key);
  }

  /**
   * Routes writing through {@code writer}, refusing bodies over {@code maxBodyBytes} and checking
   * keys sent in Segment bodies with {@code keyCheck}.
   */
  public IngestRoutes(
      EventWriter writer, ObjectMapper json, Clock clock, long maxBodyBytes, KeyCheck keyCheck) {
    this.keyCheck = keyCheck;
    this.writer = writer;
    this.json = json;
    this.segment = new SegmentMapper(clock, true);
    this.natives = new NativeEvents(clock);
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Events refused by validation since start. */
  public long rejectedEvents() {
    return rejectedEvents.sum();
  }

  /** {@code POST /v1/batch} and {@code /v1/import}: a batch envelope. */
  public void batch(Context ctx) {
    JsonNode body = segmentBody(ctx);
    JsonNode batch = body.get("batch");
    if (!body.isObject() || batch == null || !batch.isArray()) {
      throw HttpProblem.of(
          400,
          "BadJson",
          "expected an object with a 'batch' array of messages, got " + shape(body));
    }
    List<JsonNode> messages = SegmentMapper.messages(body);
    segment(ctx, messages, null);
  }

  /** {@code POST /v1/track}, {@code /v1/identify}, {@code /v1/page}, {@code /v1/screen}. */
  public void single(Context ctx, String type) {
    segment(ctx, List.of(segmentBody(ctx)), type);
  }

  /** The body; when the key is to come from it, its {@code writeKey} checked first. */
  private JsonNode segmentBody(Context ctx) {
    JsonNode body = body(ctx);
    if (Boolean.TRUE.equals(ctx.attribute(KEY_IN_BODY))) {
      JsonNode key = body.get("writeKey");
      keyCheck.check(ctx, key != null && key.isTextual() ? key.asText() : null);
    }
    return body;
  }

  /** {@code POST /api/v1/events}: a JSON array of contract rows. */
  public void events(Context ctx) {
    JsonNode body = body(ctx);
    if (!body.isArray()) {
      throw HttpProblem.of(400, "BadJson", "expected a JSON array of events, got " + shape(body));
    }
    checkCount(body.size());
    List<Event> events = new ArrayList<>(body.size());
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Object read = natives.read(body.get(i), i);
      if (read instanceof Event event) {
        events.add(event);
      } else {
        problems.add(Problem.of(i, (RowError) read));
      }
    }
    commit(ctx, events, List.of(), problems, body.size());
  }

  private void segment(Context ctx, List<JsonNode> messages, String impliedType) {
    checkCount(messages.size());
    List<Event> events = new ArrayList<>();
    List<UserTraits> traits = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      String label = impliedType == null ? "batch[" + i + "]" : impliedType;
      SegmentMessage mapped = segment.map(messages.get(i), impliedType, label, 0, "");
      if (mapped.isRejected()) {
        problems.add(Problem.of(i, mapped.error()));
      } else {
        events.addAll(mapped.events());
        if (mapped.traits() != null) {
          traits.add(mapped.traits());
        }
      }
    }
    commit(ctx, events, traits, problems, messages.size());
  }

  private void commit(
      Context ctx,
      List<Event> events,
      List<UserTraits> traits,
      List<Problem> problems,
      int received) {
    if (!problems.isEmpty()) {
      rejectedEvents.add(received);
      throw new HttpProblem(422, problems, Map.of());
    }
    CompletableFuture<IngestResult> done = writer.submit(events, traits);
    if (done == null) {
      if (!writer.isOpen()) {
        throw new HttpProblem(
            503,
            List.of(Problem.of("ShuttingDown", "server is shutting down; retry on another node")),
            Map.of("Retry-After", "5"));
      }
      throw new HttpProblem(
          429,
          List.of(Problem.of("Overloaded", "ingest queue is full; retry after 1 s")),
          Map.of("Retry-After", "1"));
    }
    IngestResult result;
    try {
      result = done.get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpProblem.of(503, "Unavailable", "interrupted before the commit; retry");
    } catch (ExecutionException | TimeoutException e) {
      throw new HttpProblem(
          503,
          List.of(Problem.of("CommitFailed", "events not committed; retry: " + cause(e))),
          Map.of("Retry-After", "1"));
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("success", true);
    answer.put("accepted", result.accepted());
    answer.put("duplicates", result.duplicates());
    ctx.status(200).json(answer);
  }

  private void checkCount(int count) {
    if (count > MAX_EVENTS) {
      throw HttpProblem.of(
          413, "TooManyEvents", "expected at most " + MAX_EVENTS + " events, got " + count);
    }
  }

  /** Reads at most {@code maxBodyBytes} and parses them as JSON. */
  private JsonNode body(Context ctx) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBodyBytes) {
      throw tooLarge(declared);
    }
    byte[] bytes;
    try (InputStream in = ctx.req().getInputStream()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
    } catch (IOException e) {
      throw HttpProblem.of(400, "BadRequest", "cannot read the request body: " + e.getMessage());
    }
    if (bytes.length > maxBodyBytes) {
      throw tooLarge(bytes.length);
    }
    if (bytes.length == 0) {
      throw HttpProblem.of(400, "BadJson", "expected a JSON body, got an empty one");
    }
    try {
      JsonNode node = json.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw HttpProblem.of(400, "BadJson", "expected a JSON body, got only whitespace");
      }
      return node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw HttpProblem.of(
          400, "BadJson", "expected valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw HttpProblem.of(400, "BadJson", "expected valid JSON: " + e.getMessage());
    }
  }

  private HttpProblem tooLarge(long size) {
    return HttpProblem.of(
        413,
        "PayloadTooLarge",
        "expected a body of at most " + maxBodyBytes + " bytes, got " + size);
  }

  private static String shape(JsonNode node) {
    if (node.isObject()) {
      return "an object with fields " + iterable(node.fieldNames());
    }
    return "a JSON " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String iterable(java.util.Iterator<String> names) {
    List<String> out = new ArrayList<>();
    names.forEachRemaining(out::add);
    return out.toString();
  }

  private static String cause(Exception e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
