package org.shopcast.server.triggers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TriggerConfigTest {
  private static final String HOOK = "{\"url\": \"http://127.0.0.1:9/hook\"}";

  @Test
  void parse_readsRulesWithDefaults() {
    TriggerConfig config =
        TriggerConfig.parse(
            "{\"webhook\": "
                + HOOK
                + ", \"rules\": [{\"name\": \"cart-abandoned\", \"when\": \"cart_add\","
                + " \"unless\": \"PURCHASE\", \"within\": \"PT30M\"},"
                + " {\"name\": \"big\", \"when\": \"PURCHASE\", \"minPrice\": 99.5}]}",
            "t.json");
    assertThat(config.webhook().maxAttempts()).isEqualTo(10);
    assertThat(config.webhook().initialBackoff()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.checkEvery()).isEqualTo(Duration.ofSeconds(10));
    TriggerRule cart = config.rules().get(0);
    assertThat(cart.isAbsence()).isTrue();
    assertThat(cart.when()).isEqualTo("CART_ADD");
    assertThat(cart.within()).isEqualTo(Duration.ofMinutes(30));
    assertThat(cart.lookback()).isEqualTo(Duration.ofDays(1));
    assertThat(config.rules().get(1).isAbsence()).isFalse();
    assertThat(config.rules().get(1).minPrice()).isEqualByComparingTo("99.5");
  }

  @Test
  void parse_readsScoreRules() {
    TriggerConfig config =
        TriggerConfig.parse(
            "{\"webhook\": "
                + HOOK
                + ", \"scoreDebounce\": \"PT2S\", \"scoreBatch\": 50, \"rules\": [{\"name\":"
                + " \"likely-buyer\", \"score\": \"purchase\", \"above\": 0.5},"
                + " {\"name\": \"churning\", \"score\": \"churn\", \"above\": 0.8,"
                + " \"cooldown\": \"P7D\"}]}",
            "t.json");
    assertThat(config.scoreDebounce()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.scoreBatch()).isEqualTo(50);
    TriggerRule buyer = config.rules().get(0);
    assertThat(buyer.isScore()).isTrue();
    assertThat(buyer.isAbsence()).isFalse();
    assertThat(buyer.score()).isEqualTo("purchase");
    assertThat(buyer.above()).isEqualTo(0.5);
    assertThat(buyer.cooldown()).isEqualTo(Duration.ofDays(1));
    assertThat(config.rules().get(1).cooldown()).isEqualTo(Duration.ofDays(7));
    TriggerConfig defaults =
        TriggerConfig.parse(
            "{\"webhook\": " + HOOK + ", \"rules\": [{\"name\": \"b\", \"when\": \"VIEW\"}]}",
            "t.json");
    assertThat(defaults.scoreDebounce()).isEqualTo(Duration.ofSeconds(1));
    assertThat(defaults.scoreBatch()).isEqualTo(200);
  }

  @Test
  void parse_rejectsBadScoreRules() {
    assertThatThrownBy(() -> parseRule("{\"name\": \"x\", \"score\": \"ltv\", \"above\": 1}"))
        .hasMessage(
            "t.json: field 'rules[0].score': expected a task: purchase, churn, clv or"
                + " time-to-purchase, got \"ltv\"");
    assertThatThrownBy(
            () -> parseRule("{\"name\": \"x\", \"score\": \"purchase\", \"above\": \"high\"}"))
        .hasMessage(
            "t.json: field 'rules[0].above': expected the score threshold as a JSON number, got"
                + " \"high\"");
    assertThatThrownBy(
            () ->
                parseRule(
                    "{\"name\": \"x\", \"score\": \"purchase\", \"above\": 0.5,"
                        + " \"when\": \"VIEW\"}"))
        .hasMessage(
            "t.json: field 'rules[0].when': expected no 'when' in a score rule, got \"VIEW\"");
    assertThatThrownBy(() -> parseRule("{\"name\": \"x\", \"when\": \"VIEW\", \"above\": 0.5}"))
        .hasMessage("t.json: field 'rules[0].above': expected no 'above' without 'score', got 0.5");
  }

  private static TriggerConfig parseRule(String rule) {
    return TriggerConfig.parse("{\"webhook\": " + HOOK + ", \"rules\": [" + rule + "]}", "t.json");
  }

  @Test
  void parse_namesTheFileFieldExpectationAndValue() {
    assertThatThrownBy(
            () -> TriggerConfig.parse("{\"webhook\": " + HOOK + ", \"rules\": [", "t.json"))
        .hasMessageStartingWith("t.json: not valid JSON at line 1");
    assertThatThrownBy(
            () ->
                TriggerConfig.parse(
                    "{\"webhook\": "
                        + HOOK
                        + ", \"rules\": [{\"name\": \"x\", \"when\": \"CART_ADD\","
                        + " \"unless\": \"PURCHASE\", \"within\": \"30\"}]}",
                    "t.json"))
        .hasMessage(
            "t.json: field 'rules[0].within': expected an ISO-8601 duration such as PT30M, PT10S"
                + " or P1D, got \"30\"");
    assertThatThrownBy(
            () ->
                TriggerConfig.parse(
                    "{\"webhook\": "
                        + HOOK
                        + ", \"rules\": [{\"name\": \"x\", \"when\": \"BUY\"}]}",
                    "t.json"))
        .hasMessageContaining("field 'rules[0].when': expected an event type")
        .hasMessageEndingWith("got \"BUY\"");
    assertThatThrownBy(
            () ->
                TriggerConfig.parse(
                    "{\"webhook\": {\"url\": \"ftp://x\"}, \"rules\": [{\"name\": \"x\","
                        + " \"when\": \"VIEW\"}]}",
                    "t.json"))
        .hasMessage("t.json: webhook: url must be http or https, got 'ftp://x'");
    assertThatThrownBy(
            () ->
                TriggerConfig.parse(
                    "{\"webhook\": "
                        + HOOK
                        + ", \"rules\": [{\"name\": \"x\", \"when\": \"VIEW\","
                        + " \"priority\": 0.5}]}",
                    "t.json"))
        .hasMessageContaining("field 'rules[0]': expected only the fields");
    assertThatThrownBy(
            () ->
                TriggerConfig.parse(
                    "{\"webhook\": "
                        + HOOK
                        + ", \"rules\": [{\"name\": \"x\", \"when\": \"VIEW\"},"
                        + " {\"name\": \"x\", \"when\": \"PURCHASE\"}]}",
                    "t.json"))
        .hasMessageContaining("rule name 'x' is used twice");
  }

  @Test
  void backoff_doublesUpToTheCapWithEqualJitter() {
    WebhookConfig hook =
        new WebhookConfig(
            URI.create("http://127.0.0.1:9/"),
            10,
            Duration.ofMillis(100),
            Duration.ofMillis(1000),
            Duration.ofSeconds(1));
    SplittableRandom random = new SplittableRandom(7);
    long[] ceiling = {100, 200, 400, 800, 1000, 1000, 1000};
    for (int attempt = 1; attempt <= ceiling.length; attempt++) {
      long min = Long.MAX_VALUE;
      long max = 0;
      for (int i = 0; i < 2000; i++) {
        long ms = Triggers.backoff(hook, attempt, random).toMillis();
        min = Math.min(min, ms);
        max = Math.max(max, ms);
      }
      long d = ceiling[attempt - 1];
      assertThat(min)
          .as("attempt %d", attempt)
          .isGreaterThanOrEqualTo(d / 2)
          .isLessThan(d * 6 / 10);
      assertThat(max).as("attempt %d", attempt).isLessThanOrEqualTo(d).isGreaterThan(d * 9 / 10);
    }
  }
}
