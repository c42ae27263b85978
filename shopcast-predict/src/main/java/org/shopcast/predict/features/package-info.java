/** Point-in-time training sets: per-user features before a cutoff, labels in the window after. */
package org.shopcast.predict.features;
