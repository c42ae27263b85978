/** User segments: k-means (Tribuo) on standardised profile features, described in words. */
package org.shopcast.analytics.segment;
