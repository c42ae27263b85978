/**
 * The GRU sequence model: each user's recent events before a cutoff, encoded and fed to a GRU
 * trained with DJL, scored on the same temporal split as XGBoost.
 */
package org.shopcast.predict.sequence;
