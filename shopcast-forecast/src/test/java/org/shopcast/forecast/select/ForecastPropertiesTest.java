package org.shopcast.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.shopcast.forecast.Forecast;

class ForecastPropertiesTest {
  @Provide
  Arbitrary<String> models() {
    return Arbitraries.of(
        "naive",
        "snaive",
        "drift",
        "mean",
        "ma",
        "naive2",
        "ets",
        "theta",
        "otm",
        "arima",
        "mstl",
        "regression",
        "var");
  }

  @Property(tries = 40)
  void forecastsHaveTheHorizonAndFiniteOrderedBounds(
      @ForAll("models") String model,
      @ForAll @IntRange(min = 1, max = 30) int horizon,
      @ForAll @IntRange(min = 30, max = 80) int length,
      @ForAll @IntRange(min = 0, max = 1000) int seed) {
    java.util.Random rnd = new java.util.Random(seed);
    double[] y = new double[length];
    for (int t = 0; t < length; t++) {
      y[t] = 50 + 0.3 * t + 8 * Math.sin(2 * Math.PI * t / 7) + 3 * rnd.nextGaussian();
    }
    Forecast f = Models.create(model, 7, horizon).forecast(y, horizon, 0.9);
    assertThat(f.horizon()).isEqualTo(horizon);
    for (int h = 0; h < horizon; h++) {
      assertThat(f.point()[h]).isFinite();
      assertThat(f.lower()[h]).isFinite().isLessThanOrEqualTo(f.point()[h]);
      assertThat(f.upper()[h]).isFinite().isGreaterThanOrEqualTo(f.point()[h]);
    }
  }
}
