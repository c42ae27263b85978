/** Frequently bought together: item pairs counted over order baskets, ranked by association. */
package org.shopcast.recommend.fbt;
