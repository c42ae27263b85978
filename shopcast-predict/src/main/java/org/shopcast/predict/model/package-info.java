/** Binary classifiers for the prediction tasks: L2 logistic regression and XGBoost. */
package org.shopcast.predict.model;
