/** Per-user explanations of XGBoost predictions: SHAP contributions as reasons in plain words. */
package org.shopcast.predict.explain;
