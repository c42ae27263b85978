/** Binary-classification metrics and the temporal-holdout evaluation of the prediction tasks. */
package org.shopcast.predict.eval;
