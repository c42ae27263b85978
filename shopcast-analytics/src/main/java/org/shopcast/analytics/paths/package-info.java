/** Paths: transitions between event types and categories, and the paths that end in a purchase. */
package org.shopcast.analytics.paths;
