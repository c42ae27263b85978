/** Recommenders (popularity, item/session kNN, implicit ALS), their common scoring contract. */
package org.shopcast.recommend;
