package org.shopcast.predict.model;

/** A trained binary classifier: the probability of the positive class for each row. */
public interface Classifier {
  /** The model's short name in reports ({@code logistic}, {@code xgboost}, ...). */
  String name();

  /** The positive-class probability of each row of {@code rows} (row-major features). */
  double[] predict(double[][] rows);
}
