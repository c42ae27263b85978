package org.shopcast.server.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /**
   * {@code POST /v1/batch} and {@code /v1/import}: a batch envelope, read in one streaming pass
   * that maps each message as it ends (no JSON tree).
   */
  public void batch(Context ctx) {
    byte[] bytes = bytes(ctx);
    SegmentBatch body = new SegmentBatch();
    parse(
        bytes,
        p -> {
          JsonToken token = p.nextToken();
          if (token == null) {
            return;
          }
          if (token != JsonToken.START_OBJECT) {
            body.shape = "a JSON " + kind(token);
            p.skipChildren();
            return;
          }
          Set<String> names = new LinkedHashSet<>();
          boolean array = false;
          while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            names.add(name);
            JsonToken value = p.nextToken();
            if (name.equals("batch")) {
              body.clear();
              array = value == JsonToken.START_ARRAY;
              if (array) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                  body.read(p, null);
                }
              } else {
                p.skipChildren();
              }
            } else if (name.equals("writeKey")) {
              body.writeKey = value == JsonToken.VALUE_STRING ? p.getText() : null;
            } else {
              p.skipChildren();
            }
          }
          if (!array) {
            body.shape = "an object with fields " + names;
          }
        });
    if (Boolean.TRUE.equals(ctx.attribute(KEY_IN_BODY))) {
      keyCheck.check(ctx, body.writeKey);
    }
    if (body.shape != null) {
      throw HttpProblem.of(
          400, "BadJson", "expected an object with a 'batch' array of messages, got " + body.shape);
    }
    body.finish(ctx);
  }

  /** {@code POST /v1/track}, {@code /v1/identify}, {@code /v1/page}, {@code /v1/screen}. */
  public void single(Context ctx, String type) {
    byte[] bytes = bytes(ctx);
    SegmentBatch body = new SegmentBatch();
    parse(
        bytes,
        p -> {
          if (p.nextToken() != null) {
            body.read(p, type);
          }
        });
    if (Boolean.TRUE.equals(ctx.attribute(KEY_IN_BODY))) {
      // a second, shallow pass: the key sits in the message, which the mapping does not keep
      String[] key = new String[1];
      parse(
          bytes,
          p -> {
            if (p.nextToken() == JsonToken.START_OBJECT) {
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("writeKey")) {
                  key[0] = value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
              }
            }
          });
      keyCheck.check(ctx, key[0]);
    }
    body.finish(ctx);
  }

  /** The messages of one Segment request, mapped as the parser meets them. */
  private final class SegmentBatch {
    private final List<Event> events = new ArrayList<>();
    private final List<UserTraits> traits = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private int messages;
    private String writeKey;
    private String shape;

    void clear() {
      events.clear();
      traits.clear();
      problems.clear();
      messages = 0;
    }

    /** Maps the message at the parser (only counted past {@link #MAX_EVENTS}: 413 follows). */
    void read(JsonParser p, String impliedType) throws IOException {
      int i = messages++;
      if (i >= MAX_EVENTS) {
        p.skipChildren();
        return;
      }
      String label = impliedType == null ? "batch[" + i + "]" : impliedType;
      SegmentMessage mapped = segment.map(p, impliedType, label, 0, "");
      if (mapped.isRejected()) {
        problems.add(Problem.of(i, mapped.error()));
      } else {
        events.addAll(mapped.events());
        if (mapped.traits() != null) {
          traits.add(mapped.traits());
        }
      }
    }

    void finish(Context ctx) {
      checkCount(messages);
      commit(ctx, events, traits, problems, messages);
    }
  }

  /** Reads a body with a streaming parser; malformed JSON is 400 with line and column. */
  private void parse(byte[] bytes, ParseStep step) {
    try (JsonParser p = json.getFactory().createParser(bytes)) {
      step.read(p);
      if (p.currentToken() == null) {
        throw HttpProblem.of(400, "BadJson", "expected a JSON body, got only whitespace");
      }
    } catch (JsonProcessingException e) {
      throw badJson(e);
    } catch (IOException e) {
      throw HttpProblem.of(400, "BadJson", "expected valid JSON: " + e.getMessage());
    }
  }

  /** One streaming read of a body. */
  private interface ParseStep {
    void read(JsonParser p) throws IOException;
  }

  private static String kind(JsonToken token) {
    return switch (token) {
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      default -> "null";
    };
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
    ctx.status(200)
        .contentType("application/json")
        .result(
            "{\"success\":true,\"accepted\":"
                + result.accepted()
                + ",\"duplicates\":"
                + result.duplicates()
                + "}");
  }

  private void checkCount(int count) {
    if (count > MAX_EVENTS) {
      throw HttpProblem.of(
          413, "TooManyEvents", "expected at most " + MAX_EVENTS + " events, got " + count);
    }
  }

  /** Reads at most {@code maxBodyBytes} and parses them as JSON. */
  private JsonNode body(Context ctx) {
    byte[] bytes = bytes(ctx);
    try {
      JsonNode node = json.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw HttpProblem.of(400, "BadJson", "expected a JSON body, got only whitespace");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw badJson(e);
    } catch (IOException e) {
      throw HttpProblem.of(400, "BadJson", "expected valid JSON: " + e.getMessage());
    }
  }

  private static HttpProblem badJson(JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    return HttpProblem.of(
        400, "BadJson", "expected valid JSON" + where + ": " + e.getOriginalMessage());
  }

  /** The body's bytes: 413 over {@code maxBodyBytes}, 400 when empty. */
  private byte[] bytes(Context ctx) {
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
    return bytes;
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
