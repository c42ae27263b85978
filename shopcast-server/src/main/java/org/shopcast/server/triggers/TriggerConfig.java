package org.shopcast.server.triggers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.shopcast.core.event.EventType;

/**
 * The trigger rules and their webhook, read from a JSON file (format in docs/server.md).
 *
 * @param webhook where matches are posted
 * @param checkEvery how often the absence rules are evaluated and due deliveries retried
 * @param scoreDebounce how long the score rules wait after a commit before rescoring the users it
 *     touched (commits meanwhile join the same pass)
 * @param scoreBatch the most users one score pass rescoring (the rest wait for the next pass)
 * @param rules the rules, names unique
 */
public record TriggerConfig(
    WebhookConfig webhook,
    Duration checkEvery,
    Duration scoreDebounce,
    int scoreBatch,
    List<TriggerRule> rules) {
  private static final Set<String> TOP =
      Set.of("webhook", "checkEvery", "scoreDebounce", "scoreBatch", "rules");
  private static final Set<String> HOOK =
      Set.of("url", "maxAttempts", "initialBackoff", "maxBackoff", "timeout");
  private static final Set<String> RULE =
      Set.of(
          "name", "when", "minPrice", "unless", "within", "lookback", "score", "above", "cooldown");
  private static final Set<String> TASKS = Set.of("purchase", "churn", "clv", "time-to-purchase");

  /** Validates the settings. */
  public TriggerConfig {
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(checkEvery, "checkEvery");
    Objects.requireNonNull(scoreDebounce, "scoreDebounce");
    if (scoreDebounce.isNegative()) {
      throw new IllegalArgumentException(
          "scoreDebounce must not be negative, got " + scoreDebounce);
    }
    if (scoreBatch < 1 || scoreBatch > 100_000) {
      throw new IllegalArgumentException("scoreBatch must be in [1, 100000], got " + scoreBatch);
    }
    rules = List.copyOf(rules);
    if (checkEvery.toMillis() < 10) {
      throw new IllegalArgumentException("checkEvery must be at least 10 ms, got " + checkEvery);
    }
    Set<String> names = new HashSet<>();
    for (TriggerRule rule : rules) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("rule name '" + rule.name() + "' is used twice");
      }
    }
  }

  /**
   * Reads {@code file}.
   *
   * @throws IllegalArgumentException naming the file, the field, what was expected and what was
   *     found
   */
  public static TriggerConfig read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read triggers file " + file + ": " + e, e);
    }
    return parse(text, file.toString());
  }

  /** Parses the JSON {@code text}; {@code source} names it in messages. */
  public static TriggerConfig parse(String text, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          source
              + ": not valid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    }
    Reader r = new Reader(source);
    r.object(root, "(top level)", TOP);
    JsonNode hook = root.get("webhook");
    r.object(hook, "webhook", HOOK);
    WebhookConfig webhook =
        r.build(
            "webhook",
            () ->
                new WebhookConfig(
                    r.url(hook.get("url"), "webhook.url"),
                    r.integer(hook.get("maxAttempts"), "webhook.maxAttempts", 10),
                    r.duration(
                        hook.get("initialBackoff"),
                        "webhook.initialBackoff",
                        Duration.ofSeconds(1)),
                    r.duration(
                        hook.get("maxBackoff"), "webhook.maxBackoff", Duration.ofMinutes(10)),
                    r.duration(hook.get("timeout"), "webhook.timeout", Duration.ofSeconds(10))));
    Duration checkEvery = r.duration(root.get("checkEvery"), "checkEvery", Duration.ofSeconds(10));
    Duration scoreDebounce =
        r.duration(root.get("scoreDebounce"), "scoreDebounce", Duration.ofSeconds(1));
    int scoreBatch = r.integer(root.get("scoreBatch"), "scoreBatch", 200);
    JsonNode list = root.get("rules");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw r.bad("rules", "a non-empty array of rules", list);
    }
    List<TriggerRule> rules = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode rule = list.get(i);
      String at = "rules[" + i + "]";
      r.object(rule, at, RULE);
      if (rule.has("score")) {
        rules.add(scoreRule(r, rule, at));
        continue;
      }
      for (String field : List.of("above", "cooldown")) {
        if (rule.has(field)) {
          throw r.bad(at + "." + field, "no '" + field + "' without 'score'", rule.get(field));
        }
      }
      String unless = r.type(rule.get("unless"), at + ".unless", true);
      Duration within =
          unless == null ? null : r.duration(rule.get("within"), at + ".within", null);
      if (unless == null && rule.has("within")) {
        throw r.bad(at + ".within", "no 'within' without 'unless'", rule.get("within"));
      }
      if (unless == null && rule.has("lookback")) {
        throw r.bad(at + ".lookback", "no 'lookback' without 'unless'", rule.get("lookback"));
      }
      Duration lookback =
          unless == null
              ? null
              : r.duration(rule.get("lookback"), at + ".lookback", Duration.ofDays(1));
      String name = r.text(rule.get("name"), at + ".name");
      String when = r.type(rule.get("when"), at + ".when", false);
      BigDecimal minPrice = r.price(rule.get("minPrice"), at + ".minPrice");
      rules.add(r.build(at, () -> new TriggerRule(name, when, minPrice, unless, within, lookback)));
    }
    return r.build(
        "(top level)",
        () -> new TriggerConfig(webhook, checkEvery, scoreDebounce, scoreBatch, rules));
  }

  private static TriggerRule scoreRule(Reader r, JsonNode rule, String at) {
    for (String field : List.of("when", "minPrice", "unless", "within", "lookback")) {
      if (rule.has(field)) {
        throw r.bad(at + "." + field, "no '" + field + "' in a score rule", rule.get(field));
      }
    }
    String name = r.text(rule.get("name"), at + ".name");
    String task = r.text(rule.get("score"), at + ".score");
    if (!TASKS.contains(task)) {
      throw r.bad(
          at + ".score", "a task: purchase, churn, clv or time-to-purchase", rule.get("score"));
    }
    JsonNode above = rule.get("above");
    if (above == null || !above.isNumber()) {
      throw r.bad(at + ".above", "the score threshold as a JSON number", above);
    }
    Duration cooldown = r.duration(rule.get("cooldown"), at + ".cooldown", Duration.ofDays(1));
    return r.build(at, () -> TriggerRule.score(name, task, above.doubleValue(), cooldown));
  }

  /** Field readers that fail with the source, the field, the expectation and the value. */
  private static final class Reader {
    private final String source;

    Reader(String source) {
      this.source = source;
    }

    IllegalArgumentException bad(String field, String expected, JsonNode found) {
      String shown = found == null || found.isMissingNode() ? "nothing" : found.toString();
      return new IllegalArgumentException(
          source + ": field '" + field + "': expected " + expected + ", got " + shown);
    }

    <T> T build(String field, java.util.function.Supplier<T> make) {
      try {
        return make.get();
      } catch (IllegalArgumentException | NullPointerException e) {
        if (e.getMessage() != null && e.getMessage().startsWith(source + ":")) {
          throw e;
        }
        throw new IllegalArgumentException(source + ": " + field + ": " + e.getMessage(), e);
      }
    }

    void object(JsonNode node, String field, Set<String> allowed) {
      if (node == null || !node.isObject()) {
        throw bad(field, "a JSON object", node);
      }
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          throw bad(
              field,
              "only the fields " + new java.util.TreeSet<>(allowed),
              new ObjectMapper().getNodeFactory().textNode(name));
        }
      }
    }

    String text(JsonNode node, String field) {
      if (node == null || !node.isTextual() || node.asText().isBlank()) {
        throw bad(field, "a non-empty string", node);
      }
      return node.asText();
    }

    String type(JsonNode node, String field, boolean optional) {
      if (optional && node == null) {
        return null;
      }
      String value = text(node, field).toUpperCase(Locale.ROOT);
      try {
        return EventType.valueOf(value).name();
      } catch (IllegalArgumentException e) {
        throw bad(field, "an event type " + java.util.Arrays.toString(EventType.values()), node);
      }
    }

    URI url(JsonNode node, String field) {
      String value = text(node, field);
      try {
        return new URI(value);
      } catch (URISyntaxException e) {
        throw bad(field, "an http(s) URL", node);
      }
    }

    int integer(JsonNode node, String field, int fallback) {
      if (node == null) {
        return fallback;
      }
      if (!node.canConvertToInt() || !node.isIntegralNumber()) {
        throw bad(field, "a whole number", node);
      }
      return node.asInt();
    }

    Duration duration(JsonNode node, String field, Duration fallback) {
      if (node == null && fallback != null) {
        return fallback;
      }
      String value = text(node, field);
      try {
        return Duration.parse(value);
      } catch (DateTimeParseException e) {
        throw bad(field, "an ISO-8601 duration such as PT30M, PT10S or P1D", node);
      }
    }

    BigDecimal price(JsonNode node, String field) {
      if (node == null) {
        return null;
      }
      if (!node.isNumber() || node.decimalValue().signum() < 0) {
        throw bad(field, "a price as a non-negative JSON number", node);
      }
      return node.decimalValue();
    }
  }
}
